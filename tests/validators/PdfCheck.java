// veraPDF on many PDFs in one JVM start (a start costs seconds; a file, a fraction of one).
//
//   java PdfCheck FLAVOUR FILE [FLAVOUR FILE ...]
//
// FLAVOUR is a veraPDF flavour id (ua1, 3b, 2b, ...). For each file one line is printed:
//   FILE<TAB>compliant|failed|error<TAB>failed-checks<TAB>rule rule ...
// followed by one line per distinct failed rule: "  RULE<TAB>count<TAB>message". The exit
// status is 0 when every line was written, whatever the verdicts (the caller judges them).
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public class PdfCheck {
    public static void main(String[] args) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        for (int i = 0; i + 1 < args.length; i += 2) {
            check(args[i], args[i + 1]);
        }
    }

    private static void check(String flavourId, String file) {
        PDFAFlavour flavour = PDFAFlavour.fromString(flavourId);
        try (InputStream in = new FileInputStream(file);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ValidationResult result = validator.validate(parser);
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, String> messages = new LinkedHashMap<>();
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() == TestAssertion.Status.PASSED) {
                    continue;
                }
                String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                counts.merge(rule, 1, Integer::sum);
                messages.putIfAbsent(rule, a.getMessage().replace('\t', ' ').replace('\n', ' '));
            }
            int failed = counts.values().stream().mapToInt(Integer::intValue).sum();
            System.out.println(file + "\t" + (result.isCompliant() ? "compliant" : "failed")
                + "\t" + failed + "\t" + String.join(" ", counts.keySet()));
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                System.out.println("  " + e.getKey() + "\t" + e.getValue() + "\t" + messages.get(e.getKey()));
            }
        } catch (Exception e) {
            System.out.println(file + "\terror\t0\t" + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.flush();
    }
}
