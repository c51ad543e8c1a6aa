"""The text parser on briefs as real publishers lay them out (``tests/fixtures/text/corpus``).

Each fixture keeps a real page's structure (line layout, headings, labels, numbering, kicker
and date lines, interface strings) with the prose rewritten; its JSON says what it must
parse into. ``benchmarks/text_corpus.py`` holds the checker and prints the same results as a
report; here every brief must parse exactly, and none may lose a word of its content.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks import text_corpus  # noqa: E402

CASES = text_corpus.load()
#: Briefs of the corpus that do not parse exactly yet, with the rules they break: each is
#: a strict xfail, so a fix that makes one pass fails here until it is taken off the list.
KNOWN: dict[str, set[str]] = {
    "tuned/analysis_site_graphic_category": {"metadata"},
    "tuned/assessment_scale_sublabels": {"sections"},
    "tuned/blog_category_page_teasers": {"sections"},
    # "Election scenarios" is outlook, as "Election Scenarios" is; the brief was written when
    # the vocabulary read only Title Case headings by their parts
    "tuned/personal_newsletter_scenarios": {"sections"},
    # a UUID alone under the title: an upload's identifier here, but such a line may be an
    # identifier the brief reports, so it is kept
    "tuned/blog_situation_update_photo": {"blocks", "chrome kept"},
    # a Title Case heading ending with a full stop ("Mitigation Measures.") is missed
    "tuned/blogging_platform_publication_article": {"sections"},
    "tuned/crisis_analysts_weekly_highlights": {"blocks", "title", "metadata", "chrome kept"},
    "tuned/daily_brief_watch_points": {"sections"},
    "tuned/document_site_guidance_note": {"sections", "chrome kept"},
    "tuned/ebook_site_table_of_contents": {"blocks", "chrome kept"},
    "tuned/exam_prep_question_page": {"sections", "chrome kept"},
    "tuned/forum_repost_embassy_message": {"sections", "metadata"},
    "tuned/health_guide_hard_wrapped_dashes": {"blocks"},
    # a long file name alone on its line: an attachment's link here, but a file name may be
    # an indicator the brief reports (a phishing attachment), so it is kept
    "tuned/homework_site_uploader_file": {"blocks", "chrome kept"},
    "tuned/humanitarian_sitrep_repost": {"title", "sections"},
    "tuned/maritime_administration_caps_advisory": {"title", "blocks"},
    "tuned/museum_weekly_link_roundup": {"sections"},
    "tuned/news_digest_markdown_headings": {"sections", "chrome kept"},
    "tuned/plone_repost_contents_outline": {"title", "blocks", "metadata"},
    "tuned/research_library_record": {"blocks", "chrome kept"},
    "tuned/travel_agency_report_summary": {"sections"},
    "tuned/un_press_topic_listing": {"title", "sections"},
    # a 17-word alert title is beyond a heading's length; a "Summary" label over a one-line
    # list title is read as text
    "tuned/it_firm_cert_alerts_repost": {"sections"},
    # "References: ADVISORY NOTICE ..." is an incident's field, read as a sources heading
    "tuned/maritime_security_firm_incident_fields": {"sections"},
    # a search-tips box and a "Login Register Subscribe" row above the headline are kept,
    # and the first becomes the title; the "Reprints" link and topic tag are kept
    "tuned/insurance_weekly_pv_market_article": {"title", "sections", "chrome kept"},
    # the "Report   DETAILS" page label is read as a category
    "tuned/osac_report_details_alert_repost": {"metadata"},
    # a filter panel's "1. Close" / "2. Close" items are kept as lists; "Find a briefing
    # paper" is kept
    "tuned/parliament_library_briefings_listing": {"blocks", "chrome kept"},
    # "DATE: ... – COUNTRY: ... – PORT: ..." entry lines on single line breaks head nothing
    "tuned/port_agency_hot_port_news": {"sections"},
    # the ALL-CAPS heading tight over its bullets is taken as the title and the real title
    # as a category; a Title Case "Vehicle Descriptors:" over bullets heads a section
    "tuned/rural_crime_watch_caps_reporting_guide": {"title", "sections", "metadata"},
    # the headline's longer variant under it is dropped as the headline repeated
    "tuned/survival_site_bluf_repost": {"sections"},
    # the byline "By <job title>, <name>" gives two authors, and the published time is kept
    # in UTC where the expected JSON (written before that rule) holds the date
    "tuned/weather_app_news_alert_explainer": {"metadata"},
    # the source card's outlet name ("9 News") heads a section in place of the entry's
    # headline
    "tuned/hashtag_news_page_browser_notice": {"sections", "chrome kept"},
    # a question standfirst heads a section, the sentence-case repeat of the title and the
    # lower-case "level one" headings over icon alt text are missed
    "tuned/travel_insurer_advice_levels_icon_text": {"sections"},
    # the first teaser title is taken as the title (the series name becomes the publisher);
    # the newsletter box heads a section
    "tuned/intel_firm_weekly_listing_newsletter_box": {"metadata", "sections", "title"},
    # the record's "Label: " field lines head sections; "Publication Date:" over its value
    # gives no date; the attachment row and empty labels are kept
    "tuned/reading_room_document_record_fields": {"chrome kept", "metadata", "sections"},
    # a feed page's entry titles head nothing; relative times, "Syndicate content" and
    # "Categories: RSS feeds" are kept
    "tuned/un_agency_feed_aggregator_key_issues": {"chrome kept", "sections"},
    # an orphan chart label ("Percent") heads a section
    "tuned/wikisource_portion_marked_assessment_page": {"sections"},
    # a question heading built on "Key Takeaway" is not read as a judgement
    "tuned/explainer_site_bare_dash_bullets_lead_ins": {"sections"},
    # a related-guide box and an insurance offer under the last section head sections
    "tuned/credit_insurer_country_reports_page_promo_boxes": {"chrome kept", "sections"},
    # the author's bare name under a sentence-case headline heads a section (one name alone
    # cannot be told from a two-word Title Case heading)
    "tuned/news_article_mirror_bare_author_link_gaps": {"metadata", "sections"},
    # a two-column row on single line breaks ("UK Military Terminology – Stand Down" over
    # "Civilian Terminology – Chillax") is two paragraphs where the expected JSON joins it
    "tuned/security_portal_alert_states_page_lost_widgets": {"blocks"},
    # the lexicon's name over the headline is taken as the title
    "tuned/university_philosophy_lexicon_entry_masthead_quote": {
        "metadata",
        "sections",
        "title",
    },
    # a sentence-case question over the first prose with no heading after it is read as a
    # standfirst (docs/parsing.md), where the expected JSON has a heading
    "tuned/vpn_vendor_glossary_entry_promo_banners": {"sections"},
    # the section link run into the category badge ("InsightsGovernance") is taken as the
    # title; the author card's logo name and the name run into the practice are kept
    "tuned/advisory_firm_insights_article_glued_kicker_author_role": {
        "blocks",
        "metadata",
        "chrome kept",
    },
    # a Table of Contents' unbulleted entries are read as text and the headings they name
    # are missed
    "tuned/news_blog_guide_headline_from_address_toc_single_breaks": {"sections"},
    # stories opened by numbered image-name lines head nothing
    "tuned/news_site_daily_brief_numbered_image_names_indented_stories": {"sections"},
    # the standard's name over the copy notice is read as the publisher and the "Annex D"
    # part label as the kicker
    "tuned/standards_body_annex_page_lettered_headline_semicolon_bullets": {"metadata"},
    # the "Table of Contents" label's second headline is read as a heading; a lower-case
    # wordmark in the byline slot and a date joined by a mis-decoded dot give nothing
    "tuned/content_site_guide_wordmark_byline_mojibake_dot_toc_label_second_headline": {
        "metadata",
        "sections",
    },
    # one-word numbered headings tight over dash lists ("1. Definition") are items
    "tuned/data_blog_notes_post_headline_from_address_numbered_headings_flattened_dash_lists": {
        "sections"
    },
    # the remainders pasted a word per line are joined otherwise than the expected JSON
    "tuned/lexicon_site_lowercase_plural_headline_cut_paragraphs_word_lines_run_in_label": {
        "blocks"
    },
    # the podcast promo line ending in an "Apple | Spotify | Google" link row and the
    # sentence naming the podcast's series under it are kept
    "tuned/investment_firm_report_page_bare_author_pdf_line_issue_lines_double_spaces": {
        "blocks",
        "chrome kept",
    },
    # set 21 (first met at 8d3430e, as a held-out set; the five it tuned are off this list):
    # an eleven-word question among the FAQ's question headings heads a section, which the
    # expected JSON keeps a paragraph by the nine-word limit; a "THIS IS IMPORTANT: ..."
    # teaser is kept
    "tuned/answer_farm_faq_question_headings_long_question_important_teaser": {
        "chrome kept",
        "sections",
    },
    # "Understanding the Essence of a Critical Takeaway" takes the kind judgement, as
    # docs/parsing.md says a heading takes its label's kind (and as the tuned fixtures
    # expect); this expected JSON says other
    "tuned/answer_site_explainer_single_breaks_term_headings_dash_leads": {"sections"},
    # a flattened table's header row (cells joined by a space) heads a section; the site's
    # lower-case wordmark at the foot is kept
    "tuned/civics_explainer_keyword_alt_line_space_joined_table_rows_wordmark": {
        "chrome kept",
        "sections",
    },
    # the series label is taken as the title; its description box and the indented teaser
    # are kept
    "tuned/news_magazine_newsletter_series_blurb_semicolon_headline_indented_teaser": {
        "blocks",
        "chrome kept",
        "metadata",
        "title",
    },
    # set 22 (first met at b575ed6, as a held-out set; the five it tuned are off this list):
    # a promo box's heading is taken as the title; its button's text run into the headline
    # heads a section; the promo's pitch is kept
    "tuned/homework_help_guide_promo_button_in_headline_glued_headings_dash_list": {
        "chrome kept",
        "sections",
        "title",
    },
    # set 23 (first met at 870c74e, as a held-out set; the two it tuned are off this list):
    # the sentence-case question under the headline, with no heading after it, is a
    # standfirst as docs/parsing.md says; this expected JSON makes it a heading
    "tuned/aid_agency_toolkit_single_breaks_tool_name_question_semicolon_dash_items": {"sections"},
    # "Understanding the Fundamentals of Political Analysis" takes the kind analysis (its last
    # noun, as docs/parsing.md says); this expected JSON says other
    "tuned/content_farm_mirror_caps_variant_headline_repeat_empty_step_markerless_lines": {
        "sections"
    },
    # the site's name run into a weekday date line is taken as the title; the menu's labels
    # head sections; the footer's links and copyright are kept
    "tuned/planning_site_column_weekday_utc_date_menu_labels_lowercase_by_pipe_footer": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # set 24 (first met at 171a5b8, as a held-out set; the two it tuned are off this list):
    # a wiki's "Upload infographic: ..." prompt for a missing file is kept
    "tuned/community_wiki_category_article_label_value_fields_bold_leads_empty_heading": {
        "blocks",
        "chrome kept",
    },
    # the header block on single breaks (format notice, a Spanish month, ISBN lines, the
    # authors' names, the partner) is kept as text
    "tuned/democracy_institute_publication_spanish_month_isbn_names_contents_list": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # set 25 (first met at ac0d9df as a held-out set, 2 of 10 exact; the one it tuned is off
    # this list):
    # a site's one-sentence blurb over "Join <site>" and a lost contents label is taken as
    # the title; the headline with its punctuation stripped heads a section
    "tuned/blog_database_typo_tagline_toc_label_dotted_numbers_label_paragraphs": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # on single breaks, sentence-case headings stacked one over another are missed
    "tuned/cyber_advisory_term_page_question_headline_single_breaks_related_terms": {"sections"},
    # an embedded video's duration ("1:58") and its title are kept, the title as a heading
    "tuned/finance_dictionary_mirror_unmarked_question_video_duration_caption": {
        "chrome kept",
        "sections",
    },
    # a "Contents" label over one blank line is kept; the headline printed again as the
    # first section's heading is dropped as a repeat
    "tuned/infosec_explainer_lost_contents_label_headline_repeated_as_heading": {
        "chrome kept",
        "sections",
    },
    # an indented numbered breadcrumb ("1. World problems") is taken as the title
    "tuned/problems_encyclopedia_mirror_numbered_breadcrumb_ai_notice_glued": {
        "blocks",
        "title",
    },
    # the article indented under a bullet continues the item, as docs/parsing.md says;
    # this expected JSON reads its heading out of it
    "tuned/security_consultancy_column_credential_byline_body_in_bullet": {"sections"},
    # the steps of a documentation component ("<Steps>" ... "</Steps>"), one a line under
    # its tag, stay paragraphs where the expected JSON reads a numbered list
    "tuned/software_docs_markdown_export_quoted_notice_component_tags": {"blocks"},
    # set 26 (first met at 310a6b6, as a held-out set; the one it tuned is off this list):
    # a sentence-case heading tight over an indented numbered list is missed
    "tuned/business_app_docs_tagline_indented_bullets_numbered_steps_emoji_icon": {"sections"},
    # the header image's alt text, a sentence under the headline, is kept
    "tuned/off_topic_domain_guide_alt_text_line_quoted_testimonial": {"blocks", "chrome kept"},
    # the site's name over its slogan over a question headline: the name is taken as the
    # title and the slogan heads a section; a related-articles label is kept
    "tuned/science_explainer_masthead_tagline_question_toc_label_over_prose": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # sentence-case example names tight over one sentence each, on single breaks, are
    # partly missed
    "tuned/security_vendor_glossary_single_breaks_definition_label_example_heads": {"sections"},
    # set 27 (first met at 2ffdc39, as a held-out set; the one it tuned is off this list):
    # a pixel line and the "Wikipedia" wordmark over the headline: the wordmark is read as
    # the kicker, not the publisher; a photo's caption is kept
    "tuned/encyclopedia_mirror_pixel_line_wordmark_caption_bracket_markers": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # the author as a bulleted line under the headline is kept; the journal's masthead is
    # taken as a kicker
    "tuned/essay_site_journal_reprint_bulleted_author_citation_widget_drop_cap": {
        "blocks",
        "metadata",
    },
    # a one-word "Report" kicker over a sentence-case headline is now the category, but the
    # sentence-case standfirst under it heads a section (with the headline in sentence case
    # the deck rule does not apply: such a page may write its headings so)
    "tuned/humanitarian_centre_news_one_word_kicker_sentence_case_headline": {"sections"},
    # a "Last reviewed: <date>" line among the fields under the definition is kept as text
    # (a labelled date among fields near the top stays a field's text, as an earlier
    # fixture expects of "Last Updated: 9 NOV 2025" in a details block)
    "tuned/scam_encyclopedia_entry_also_known_as_last_reviewed_date": {"blocks", "metadata"},
    # set 28 (first met at 94f63d6, as a held-out set; those now exact are off this list):
    # a video's label line under the headline ("EP109 YouTube WIMIA") heads a section
    "tuned/privacy_site_podcast_recap_skip_link_video_label_colon_headline": {
        "chrome kept",
        "sections",
    },
    # a Title Case question about the term, tight under it on single breaks, is a standfirst
    # (no heading after it is tight to it either); this expected JSON makes it a heading
    "tuned/security_firm_glossary_single_breaks_question_under_term": {"sections"},
    # set 29 (first met at 1ebfa00, as a held-out set; the one it tuned is off this list):
    # a "From Canonica AI" site line under the headline is taken as the title and the
    # headline as a kicker
    "tuned/ai_encyclopedia_from_site_line_stacked_type_subheadings": {"metadata", "title"},
    # an image's caption heads a section
    "tuned/simple_encyclopedia_mobile_caption_line_bare_footnote_markers": {
        "chrome kept",
        "sections",
    },
    # a video's title line ("Killers Inc. by ...") heads a section
    "tuned/spun_encyclopedia_term_definitions_video_title_line_blank_runs": {
        "chrome kept",
        "sections",
    },
    # sale banners and a contents list printed twice above the headline: a contents entry
    # is taken as the title; the author card's date, editor credit and slug are kept
    "tuned/vpn_vendor_blog_guide_promo_banners_doubled_toc_edited_by": {
        "blocks",
        "chrome kept",
        "metadata",
        "title",
    },
    # set 30 (first met at 3ff2789, as a held-out set, 2 of 10 exact; 4 of 10 after its rules):
    # "Operational Impact of Supply Chain Disruption" takes no kind; this expected JSON
    # reads implications from "Impact"
    "tuned/finance_automation_glossary_definition_heading_unmarked_item_lines": {"sections"},
    # "The Importance of Fraud Risk Assessment" takes no kind; this expected JSON reads
    # judgement from "Assessment"
    "tuned/fraud_vendor_glossary_label_over_term_question_under_term": {"sections"},
    # the front matter is read, but the site's name and menu of Markdown links above the
    # headline, and an italic label line under it, are kept as text
    "tuned/grc_platform_markdown_guide_yaml_front_matter_link_menu": {
        "blocks",
        "metadata",
        "chrome kept",
    },
    # the lexicon site's word-per-line remainders head sections ("Mohamed", "Myanmar's")
    "tuned/lexicon_site_term_entry_labelled_cut_paragraphs_see_also_line": {"sections"},
    # sets 31 and 32 (first met at 61f82f5, as held-out sets, 2 and 3 of 10 exact):
    # a site template's placeholder contact box above the headline ("Use the form on the
    # right to contact us.") is taken for the title and its dummy address for a heading
    "tuned/academic_blog_template_contact_chrome_doubled_title_question_bullets": {
        "blocks",
        "metadata",
    },
    # "Phrase — text" bullets: lead-ins after a spaced em dash are not read (older fixtures
    # of the corpus expect them kept in the text, see docs/parsing.md)
    "tuned/ciso_vendor_blog_kicker_dek_sentence_case_heading_emdash_lead_bullets": {"blocks"},
    "tuned/tech_publisher_glossary_explainer_question_headings_period_lead_dash_items": {"blocks"},
    # "Why they matter now" takes no kind; this expected JSON reads implications
    "tuned/explainer_blog_read_time_ad_label_question_heading_em_dash_lead_bullets": {"sections"},
    # a print view's column of eight tab labels is kept as text (three or more headline-
    # shaped lines in a row are a list, whose words are kept)
    "tuned/ngo_conflict_tracker_print_menu_rows_country_headings_cut": {
        "blocks",
        "chrome kept",
    },
    # an image's file name glued to the byline ("IMG_0023By Patrick Scott") heads a section
    "tuned/personal_blog_travel_feature_dek_image_fused_byline_quote_paragraphs": {
        "metadata",
        "sections",
    },
    # a Title Case title and a colon open the third item ("A Tri-Seal Compliance Note:
    # ..."): a lead-in here, which this expected JSON does not read
    "tuned/sanctions_consultancy_weekly_roundup_weekday_headings_bullets_link_labels": {"blocks"},
    # one numbered sentence-case line over prose stays an item (two make steps); this
    # expected JSON keeps the section number in the heading
    "tuned/scraped_agency_guide_bullet_menu_rows_numbered_heading_question_bullets": {"sections"},
    # "Why It Matters – ..." takes no kind (the label is not in the vocabulary; an earlier
    # test reads it as other); a question run into its paragraph on a single break is read
    # as a paragraph of its own
    "tuned/seo_guide_read_time_title_case_question_heading_en_dash_lead_bullet": {"sections"},
    # an "image" placeholder line over a figure's caption is kept (a real text's "Image"
    # line is content)
    "tuned/textbook_ebook_section_repeated_headline_page_locator_figure_caption_lines": {
        "blocks",
        "chrome kept",
    },
    # section numbers are not part of a heading (docs/parsing.md), which this expected
    # JSON keeps; "Historical Trend Analysis" reads as analysis
    "tuned/vendor_blog_listicle_numbered_headings_group_heading_cut": {"sections"},
    # set 33 (first met at d2e6aeb, as a held-out set, 5 of 20 exact; 8 of 20 after its rules):
    # a related post's title after the body ("Atmospheric River") is kept as text
    "tuned/cat_modeler_blog_kicker_headline_date_three_paragraphs_subscribe_modal_strings": {
        "blocks",
        "chrome kept",
    },
    # the Roman numeral of "I. The concept of risk" is no part of the heading (this JSON
    # keeps it); "Second, the risk of goal setting" over prose is read as text
    "tuned/content_farm_qa_page_question_headline_roman_and_ordinal_word_headings": {"sections"},
    # writers' kinds outside the vocabulary: "Why Is Political Stability Important?" as
    # implications, "History and Origin" as background
    "tuned/explainer_site_year_suffix_headline_question_headings_long_paragraphs": {"sections"},
    "tuned/finance_glossary_explainer_question_headline_bracket_link_terms_single_breaks_cut": {
        "sections"
    },
    # three lower-case lines under "Every item keeps to one fixed pattern:" with no bullets
    # are read as paragraphs (only lines with lead-ins are read as its items)
    "tuned/intel_newsletter_about_page_tagline_headline_unmarked_list_lines_single_breaks": {
        "blocks"
    },
    # the blog's name over its pipe-joined tagline is taken as the title; "Please" and "to
    # post comments" around a login link are kept
    "tuned/law_blog_post_kicker_pipe_tagline_quoted_headline_editor_note_comment_lines": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # a journal's tab row, "Download PDFPDF" and permissions box above the title: the first
    # is taken as the title; a numbered author line is read as a list
    "tuned/medical_journal_editorial_tab_chrome_numbered_byline_affiliation_question_heading": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # a section's link in a "Home » Health » ..." trail gives no category; a Title Case
    # heading right under a cut sentence is missed
    "tuned/news_aggregator_breadcrumb_repeated_headline_title_case_subtitle_headings_cut": {
        "metadata",
        "sections",
    },
    # an "About Lee Munson" author box heads a section and gives no author
    "tuned/security_faq_site_one_sentence_paragraphs_author_box_heading_numbered_comment": {
        "metadata"
    },
    # a Title Case heading over "Introduction: ..." and that run-in label are read as text
    # and the paragraph's "Analysis:" label heads a section
    "tuned/seo_explainer_site_question_lead_editors_note_pipe_table_topic_heading_cut": {
        "sections"
    },
    # a date inside the headline gives no date; the first "Show - Channel (US)" heading,
    # tight under the list's heading, is read as text
    "tuned/tv_newsletter_issue_dated_headline_dek_channel_subheadings_single_breaks": {
        "metadata",
        "sections",
    },
    # "Core concepts" over sentence-case lead-in lines with lower-case text is read as text
    "tuned/wiki_explainer_glued_edit_headline_link_terms_unmarked_colon_lead_items_cut": {
        "sections"
    },
    # set 34, as first met (d2e6aeb, 4 of 10 exact, and the same at 7c550c5); its writers
    # had the model's documented conventions:
    # a glued "Find case lawBeta" banner is taken as the title, and the tagline under it
    "tuned/archive_guidance_skip_link_glued_beta_banner_tagline_repeated_headline_bullets": {
        "metadata",
        "sections",
        "title",
    },
    # a sentence-case heading ending with a full stop is read as text
    "tuned/it_services_blog_glued_alt_numbered_preview_list_sentence_heading_cut": {"sections"},
    # a pipe table on single breaks is read as a paragraph a row, as two tuned fixtures
    # expect, where this JSON expects the table as one paragraph
    "tuned/saas_docs_single_breaks_anchor_label_glued_paras_dash_items_pipe_tables_cut": {"blocks"},
    # the category after an arrowed back link ("← Back to notes Threat intelligence ·
    # Writing") is read as a tag
    "tuned/security_training_blog_back_link_kicker_line_headline_dek_no_headings": {"metadata"},
    # a section's link over its label under the headline gives the category (docs/parsing.md),
    # which this JSON reads as breadcrumb chrome
    "tuned/threat_intel_vendor_guide_bracket_year_headline_breadcrumb_lines_glued_word_cut": {
        "metadata"
    },
    # set 35, as first met (e5291ff, 2 of 9 exact; 3 once a reading time's "5" joined the
    # syntax words its writer listed), writers as for set 34:
    # a pipe table on single breaks is read as a paragraph a row, as two tuned fixtures
    # expect, where this JSON expects the table as one paragraph
    "tuned/ai_essay_site_leading_blank_line_single_breaks_question_heading_pipe_table_cut": {
        "blocks"
    },
    # a byline cut after "and" (its second name's link did not copy) gives no author; a
    # "_____" rule is kept, as a line with no letters is (test_text_series_shapes)
    "tuned/news_weekend_briefing_ad_rows_partial_byline_credit_lines_numbered_leads_cut": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # a capitals label over chrome above the headline ("THE INDEX") is read as the site's
    # name, where this JSON reads a kicker
    "tuned/risk_index_about_page_caps_kicker_toc_label_unmarked_definition_lines_cut": {"metadata"},
    # two link words glued into one ("InformationSettings") head a section
    "tuned/saas_docs_page_single_breaks_glued_link_line_overview_label_dash_field_lines": {
        "sections"
    },
    # "Looking ahead: Action plan for 2026" is split into the label and a paragraph
    "tuned/security_news_blog_webinar_recap_sentence_case_headings_double_break_cut": {"sections"},
    # sets 36-38, as first met (0fb6a4f: 0 of 5, 0 of 5 and 3 of 5 exact; set 37 1 of 5
    # once a `url` its writer took from the page's address, not from its text, was
    # dropped), writers as for set 34:
    # "Flash Alert", a topic line between a site label and the headline, is the title
    "tuned/ai_essay_label_and_topic_lines_over_title_question_headings_numbered_leads_cut": {
        "metadata",
        "sections",
        "title",
    },
    # a sentence-case question heading over single-break text, and "Key takeaways" over "- "
    # bullets, are read as text
    "tuned/blog_explainer_single_breaks_key_takeaways_dash_bullets_lone_dash_items_cut": {
        "sections"
    },
    # unmarked one-line sentences under "Examples might be:" stay paragraphs
    "tuned/consulting_blog_dash_byline_rows_single_line_breaks_unmarked_list_cut": {"blocks"},
    # a status line ending in a colon under the headline is text, not its standfirst, and
    # "Explanation of the Current Cyber Threat Level: GUARDED" heads no section
    "tuned/cyber_threat_level_status_page_single_breaks_dated_update_paragraphs_cut": {
        "metadata",
        "sections",
    },
    # an "English" language switcher above the headline is read as the category;
    # "Importance of Geopolitical Risk Analysis" is read as an analysis heading
    "tuned/glossary_explainer_language_line_author_updated_lines_colon_lead_bullets_cut": {
        "metadata",
        "sections",
    },
    # the paragraphs' endings copied one word a line are split where a sentence ends, as six
    # tuned fixtures of this site expect, where this JSON expects the block whole
    "tuned/lexicon_entry_home_crumb_slug_headline_one_word_per_line_tail": {"blocks"},
    "tuned/lexicon_entry_home_crumb_truncated_paragraphs_word_per_line_tail": {"blocks"},
    # menu lines and a headline split over two lines: a menu line is taken as the title and
    # the ">>>" related links are kept
    "tuned/personal_site_explainer_nav_lines_two_line_headline_arrow_link_list": {
        "blocks",
        "chrome kept",
        "title",
    },
    # the headline and standfirst repeated under a "# " heading, and a "Continue your
    # mission" button heading a section
    "tuned/security_wiki_mission_page_repeated_title_and_dek_markdown_h1_rule_line_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # headings with no text under them ("Prerequisites" over "Reference documents") are
    # read as text
    "tuned/skill_guide_outcome_bullets_empty_sections_numbered_subheadings_cut": {"sections"},
    # the wiki's "From binaryoption" line stays text, where this JSON reads the publisher
    # (two tuned wiki fixtures read such a line as chrome); a banner's alt text ("Баннер1")
    # is kept
    "tuned/wiki_article_tagline_jump_links_banner_numbered_title_bold_lead_bullet_cut": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # sets 39-41, as first met (4db8624: 2 of 5, 0 of 2 and 4 of 5 exact), writers
    # as for set 34:
    # a lone "Table of Contents" line under a question headline heads a section
    "tuned/consultancy_explainer_question_headline_toc_line_single_breaks_plain_paras_cut": {
        "chrome kept",
        "sections",
    },
    # "Table of Contents" over entries glued to page numbers is dropped as the contents label,
    # where this JSON reads a heading (the label is chrome in the tuned fixtures)
    "tuned/paper_mill_essay_intro_toc_glued_page_numbers_blank_lines_no_body_headings_cut": {
        "content lost",
        "sections",
    },
    # numbered and lettered headings of hard-wrapped PDF text ("2. Methods ...", "a. ...")
    # are read as text
    "tuned/scribd_document_repeated_title_hard_wrapped_lines_numbered_lettered_headings_cut": {
        "sections"
    },
    # a one-sentence definition under the headline on single breaks is a paragraph, where
    # this JSON reads the standfirst
    "tuned/travel_glossary_entry_definition_dek_single_breaks_plain_subheadings_cut": {
        "blocks",
        "metadata",
    },
    # sets 42-44, as first met as held-out sets (3e3fbd1: 0 of 5, 1 of 5 and 1 of 5 exact),
    # writers as for set 34; tuned on since (13788be: 10 of 15 exact):
    # the standfirst, which the Abstract repeats, is read as the first paragraph where this
    # JSON has the summary (an earlier fixture of the same shape, knowledge_wiki_explainer_
    # repeated_hash_title_single_breaks, reads it as a paragraph); "1-Supply chain ..." keeps
    # its number ("1-Page PDF Summary" is a heading's word)
    "tuned/company_blog_date_above_title_dek_toc_label_abstract_number_dash_heading_cut": {
        "metadata",
        "sections",
    },
    # a standfirst with no full stop is read as the first paragraph
    "tuned/consultancy_forum_article_title_case_headline_unpunctuated_dek_cut": {
        "blocks",
        "metadata",
    },
    # an image caption's line heads a section
    "tuned/explainer_site_question_title_no_meta_caption_line_plain_subheading_cut": {"sections"},
    # the two-sentence standfirst is read as the first paragraph where this JSON has the
    # summary (a second, blind annotator read it as a paragraph too)
    "tuned/newsletter_post_single_breaks_dek_numbered_headings_unbulleted_colon_leads_cut": {
        "blocks",
        "metadata",
    },
    # the sidebar's links are kept
    "tuned/security_magazine_news_roundup_byline_arrow_bullet_items_sidebar_chrome": {
        "blocks",
        "chrome kept",
    },
    # from held-out sets 62 and 63, their share, credit, login and feed lines tuned on:
    # the title is 'Malware Analysis Report (AR21-202L)'; sections differ; metadata differs
    # (published, category)
    "tuned/gov_cert_malware_analysis_report_id_kicker_share_links_hash_sections_cut": {
        "title",
        "sections",
        "metadata",
    },
    # blocks differ; navigation differs; metadata differs (published); chrome kept (7)
    "tuned/article_archive_printer_friendly_numbered_recommendations_details_prev_next": {
        "blocks",
        "navigation",
        "metadata",
        "chrome kept",
    },
    # sections differ
    "tuned/local_news_wordpress_travel_alert_label_bullets_share_feedburner_comment_form": {
        "sections",
    },
    # sections differ; metadata differs (published); chrome kept (7)
    "tuned/intel_firm_annual_forecast_min_read_dates_region_teasers_image_credits_cut": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # from held-out set 62, its headings over lists tuned on: the short sentence opening
    # each item ("Pull vendor diagnostics. Run ...") is not read as its lead-in; the corpus
    # reads such sentences both ways (8 lists without a lead, 3 with)
    "tuned/static_site_briefing_dash_prefixed_title_standfirst_lead_bullets_cut": {"blocks"},
    # from held-out set 58, its bulleted headline tuned on: a listing's entries and their
    # "Read More Download PDF" buttons are kept as sections
    "tuned/think_tank_listing_breadcrumb_bullets_entry_titles_read_more_download_pdf_cut": {
        "sections",
        "chrome kept",
    },
    # from held-out set 64, its "Categories:" line tuned on (with set 65's archive header):
    # each story's headline over its labelled paragraphs heads no section
    "tuned/wordpress_amp_weekly_digest_category_line_story_headings_labels_cut": {"sections"},
    # from held-out set 64, its Portuguese date and share lines tuned on: the doubled
    # headline's first copy is taken for the category; "Main findings and conclusions" (a
    # sentence-case heading of four words) is missed
    "tuned/portuguese_chamber_doubled_title_publicado_em_date_main_findings_bullets_cut": {
        "sections",
        "metadata",
    },
    # from held-out set 64, its run-in heading's kind tuned on: a numbered item's title run
    # into its text with no stop ("Microsoft Security Updates This morning ...") is no lead
    "tuned/training_site_dated_briefing_no_blank_lines_numbered_run_in_headings_cut": {"blocks"},
    # from held-out set 65, its "Analysts:" line tuned on: the cut-off last line
    # ("Rejection of census pro") is read as text where this JSON has a heading
    "tuned/risk_firm_monthly_briefing_date_analysts_label_lines_bullet_groups_cut": {"sections"},
    # held-out set 45, as first met (13788be: 1 of 6 exact), left untuned for the next round,
    # writers briefed to read a standfirst under the headline as a paragraph:
    # French related-link lines ("A lire aussi : ...") are kept as text: the real-page
    # corpus's labels count Le Monde's "Lire aussi : ..." line as the article's, so
    # dropping them would lose words there
    "tuned/news_blog_french_kicker_inline_related_links_bullets_with_leads_cut": {
        "blocks",
        "chrome kept",
    },
    # a pull quote's source ("Eurasia Group") and a "Graphic: ..." credit head sections; the
    # heading cut off at the end ("Middle East on ") is missed
    "tuned/news_site_sentence_case_headline_dek_pull_quote_attribution_graphic_credit_cut": {
        "chrome kept",
        "sections",
    },
    # the document's name over a PDF viewer's buttons is read as the publisher, and its
    # cover line ("1 Africa Regional Summary November 2014") as the title; "Executive
    # Summary" run into its paragraph is missed
    "tuned/pdf_transcript_viewer_chrome_page_numbered_run_in_exec_summary_cut": {
        "metadata",
        "sections",
        "title",
    },
    # the last subhead, in sentence case tight over its text, is missed
    "tuned/security_blog_weekly_roundup_headings_glued_to_text_uneven_blank_lines_cut": {
        "sections"
    },
    # set 46, first met at 38f6a98 (2 of 14 exact), then tuned:
    # a product masthead over its tagline over the report's title: the masthead is taken
    # as the title
    "tuned/ai_intel_site_daily_briefing_masthead_tagline_exec_summary_br_tag_numbered_cut": {
        "metadata",
        "sections",
        "title",
    },
    # a figure caption with a note mark ("...by Country[1]") heads a section; the author
    # line and the "Name, Chief Editor" line are missed
    "tuned/blog_weekly_threat_report_caps_headline_editor_byline_bluf_numbered_spaced_cut": {
        "metadata",
        "sections",
    },
    # an author handle and zoneless date-time lines are missed; a counter row ("0  2")
    # and an image alt line are kept
    "tuned/community_blog_post_handle_two_datetimes_counters_runin_labels_spaced_colons_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # a team byline with "&" in its name ("Corvus Threat Intel & Risk Advisory") is read
    # as two names
    "tuned/insurer_blog_masthead_tagline_team_byline_dotted_date_spacer_lines_cut": {"metadata"},
    # a "tagline:" field is the title; a threat-level ladder and widget labels are kept
    "tuned/nonprofit_threat_landing_logo_tagline_level_ladder_numbered_malware_list_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # a "~"-wrapped capitals heading is missed
    "tuned/risk_consultancy_travel_report_kicker_plus_rule_tilde_caps_heading_bullets_cut": {
        "sections",
    },
    # a kind label and a "More on" tag label head sections; an "(EST)" update time, the
    # tags, a tagline and an archive notice are missed
    "tuned/think_tank_backgrounder_doubled_title_dek_updated_est_topic_tags_archived_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # a double question heading ("Are there levels ...? What are they?") is missed
    "tuned/vendor_blog_masthead_back_link_byline_date_question_headings_numbered_levels_cut": {
        "sections",
    },
    # a category label between runs of blank lines and a "Title | Q1 2024" heading are
    # missed
    "tuned/vendor_report_page_repeated_title_category_numbered_insights_with_leads": {
        "metadata",
        "sections",
    },
    # the page's title is read as a kicker over a long subheading
    "tuned/county_government_plans_page_subheading_lead_colon_bullets": {
        "metadata",
        "sections",
        "title",
    },
    # the "Encyclopedia" label is the title; link glosses are kept and one heads a
    # section
    "tuned/encyclopedia_mirror_entry_link_gloss_popups_split_sentence_lettered_item_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # a chapter code is the title; "Label: (instruction)" headings are missed
    "tuned/government_manual_chapter_code_office_field_issue_paper_template_colon_labels": {
        "metadata",
        "sections",
        "title",
    },
    # a journal logo line is the title; the citation line, numbered authors and keywords
    # are missed
    "tuned/journal_repository_article_citation_line_affiliation_numbers_abstract_keywords_cut": {
        "sections",
        "metadata",
    },
    # a lower-case kicker run into the headline stays in the title
    "tuned/news_dutch_kicker_run_into_headline_single_lede_question_cut": {
        "metadata",
        "title",
    },
    # a related-articles block is kept
    "tuned/news_explainer_kicker_question_headline_dek_initials_byline_related_list": {
        "blocks",
        "chrome kept",
    },
    # the host's "Name - Site" line is the title; key figures head sections; a heading
    # run into its paragraph is missed
    "tuned/pdf_host_sitrep_highlights_glyph_bullets_key_figures_inline_heading_cut": {
        "metadata",
        "sections",
        "title",
    },
    # the series line is the title; a footnote mark stays on the author; JEL keywords
    # and a running header are missed
    "tuned/pdf_policy_note_series_line_footnoted_title_jel_keywords_running_header_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # a "Noticias" label is the title; a feed's "Leer más... from" line is kept
    "tuned/radio_news_spanish_kicker_dek_rss_read_more_numbered_update_labels": {
        "blocks",
        "chrome kept",
    },
    # an image's alt line over its near-identical caption is kept
    "tuned/social_newsletter_repeated_headline_byline_image_alt_then_caption_cut": {"chrome kept"},
    # an office-locator widget line is the title
    "tuned/travel_agency_warnings_feed_headline_timestamp_body_triples_no_blank_lines_cut": {
        "sections",
        "title",
    },
    # a sentence ending in a colon is no heading here
    "tuned/ngo_newsletter_image_alt_over_headline_date_colon_intro_period_led_bullets": {
        "sections",
    },
    # sections differ
    "tuned/university_news_one_line_paragraphs_pull_quote_name_line_dash_quote_cut": {"sections"},
    # the title is 'Incident Highlights & Future Threats'; sections differ; metadata:
    # updated=None (expected '2024-06-10'); category='Global Security Brief' (expected
    # None)
    "tuned/vendor_weekly_brief_tagline_updated_on_country_colon_heading_dash_items_cut": {
        "metadata",
        "sections",
        "title",
    },
    # sections differ; chrome kept: 'Karte der Welt unter einem roten Radarschirm.';
    # 'On'
    "tuned/consumer_org_phishing_radar_german_empty_stand_label_alt_text_dated_entries_cut": {
        "chrome kept",
        "sections",
    },
    # a severity badge and an empty "CWE:" field head sections
    "tuned/cve_database_record_breaking_ticker_severity_badge_score_widget_empty_cwe_field": {
        "sections",
    },
    # the site's tagline over the headline is the title
    "tuned/personal_blog_note_tagline_masthead_dek_alt_text_lost_list_author_box": {
        "metadata",
        "sections",
        "title",
    },
    # the title is 'RedSheep SecurityRedSheepSecurity'; sections differ; metadata:
    # category=None (expected 'Foundations — Lesson 9 of 10')
    "tuned/training_academy_lesson_logo_run_together_kicker_read_time_objectives_cut": {
        "metadata",
        "sections",
        "title",
    },
    # metadata: published=None (expected '2025-09-12'); authors=[] (expected ['Lizzie
    # Danielson']); blocks differ
    "tuned/vendor_explainer_written_by_label_us_date_tldr_one_line_paragraphs_cut": {
        "blocks",
        "metadata",
    },
    # the title is 'Clients faisant leurs courses dans un supermarché'; sections differ;
    # metadata: published=None (expected '2023-01-27'); category=None (expected 'Info
    # +'); chrome kept: 'Pascal Xicluna / agriculture.gouv.fr'
    "tuned/government_explainer_french_photo_credit_date_label_question_title_colon_lists_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # the title is 'Stärkung der Verteidigungsfähigkeit : Wenn ehrgeizige Zielv;
    # metadata: category=None (expected 'Stärkung der Verteidigungsfähigkeit')
    "tuned/parliament_paper_german_kicker_colon_headline_one_line_dek_inline_caption_cut": {
        "metadata",
        "title",
    },
    # sections differ; metadata: authors=[] (expected ['ChainsSignal Intelligence
    # Team']); category=None (expected 'Executi
    "tuned/vendor_resource_skip_link_dek_runtogether_meta_line_digit_glued_numbered_list_cut": {
        "metadata",
        "sections",
    },
    # set 49, first met at 7b8a925 (4 of 18 exact), then tuned:
    # metadata differs (published, category); sections differ
    "tuned/digest_bilingual_masthead_disclaimer_topic_headings_link_lines_no_final_stops_cut": {
        "metadata",
        "sections",
    },
    # blocks differ; chrome kept (1): 'Draft'
    "tuned/docs_page_skip_link_draft_badge_level_goal_fields_numbered_steps_bullets": {
        "blocks",
        "chrome kept",
    },
    # chrome kept (7): '1'; metadata differs (published, category); sections differ
    "tuned/document_site_pdf_transcript_meta_bullets_page_markers_toc_wrapped_lines_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # blocks differ; chrome kept (1): 'Liste der Länder mit einer Reisewarnung ...'
    "tuned/government_travel_page_german_one_heading_trailing_link_line": {"blocks", "chrome kept"},
    # chrome kept (1): 'SOMMAIRE'; sections differ
    "tuned/helpdesk_article_french_modified_date_no_year_empty_toc_numbered_bullets_cut": {
        "chrome kept",
        "sections",
    },
    # blocks differ
    "tuned/msp_blog_email_newsletter_page_markers_question_heading_joke_dash_attribution": {
        "blocks",
    },
    # a dek sentence above the headline is the title; "Why This Matters" is missed
    "tuned/news_aggregator_dek_above_headline_no_blank_lines_why_it_matters_takeaways": {
        "sections"
    },
    # metadata differs (published); sections differ; the title is 'In In'
    "tuned/news_site_photo_captions_above_date_and_headline_share_residue_no_headings_cut": {
        "metadata",
        "sections",
        "title",
    },
    # blocks differ; metadata differs (published, category); the title is "Members'
    # Research Service By / February 23, 2024"
    "tuned/think_tank_blog_unit_byline_date_kicker_dek_credit_link_list_source_lines_cut": {
        "blocks",
        "metadata",
        "title",
    },
    # a question line of over nine words heads a section
    "tuned/vendor_blog_pipe_byline_empty_author_tags_question_lines_colon_intro_lists_cut": {
        "sections",
    },
    # chrome kept (3): '3498769M-21-19 Memorandum for Heads of ...'; metadata differs
    # (published, authors); sections differ
    "tuned/wiki_memo_header_template_junk_line_date_number_caps_addressee_from_subject_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # set 50, first met at 7b8a925 (1 of 18 exact) as a held-out set, now tuned:
    # sections differ; the title is '05/02/2025 Info & News page'
    "tuned/blog_post_top_bar_date_colon_label_headings_bullet_leads_wrapped_steps_cut": {
        "sections",
        "title",
    },
    # metadata differs (authors); sections differ
    "tuned/central_bank_print_view_date_line_key_takeaways_bullets_duplicated_author_box": {
        "metadata",
        "sections",
    },
    # blocks differ
    "tuned/consultancy_blog_monthly_conflict_report_updated_written_by_lead_bullets_cut": {
        "blocks",
    },
    # chrome kept (4): 'Download "Brexit is likely to exert a ...'; metadata differs
    # (published); sections differ (at 455dd7e; since the tuning of sets 47-49 the date,
    # inside the run-on line, is missed, and the host's "Transcription" label is the title)
    "tuned/document_host_pdf_transcription_sentence_title_download_chrome_one_runon_line_cut": {
        "metadata",
        "title",
    },
    # an image's one-word-and-noun alt line ("Aerial view") is kept; a numbered step
    # heading ending in a full stop is missed
    "tuned/insurer_feature_article_kicker_dek_image_alt_byline_role_numbered_step_heading_cut": {
        "chrome kept",
        "sections",
    },
    # chrome kept (6): 'Get in touch'; metadata differs (updated); sections differ; the
    # title is 'Customers'
    "tuned/law_firm_update_tagline_fragments_updated_line_colon_intro_semicolon_bullets_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (2): 'Leon Neal/Getty Images'; metadata differs (authors); sections
    # differ
    "tuned/news_explainer_icon_text_filed_under_dek_photo_caption_credit_bio_heading_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # the headline printed around itself is read as the publisher
    "tuned/news_mirror_repeated_headline_know_dont_know_bullet_lists_paid_content_footer": {
        "metadata",
    },
    # blocks differ; metadata differs (authors, publisher); the title is 'The Guardian
    # (USA)'
    "tuned/newspaper_replica_masthead_dash_byline_question_heading_split_sentence_cut": {
        "blocks",
        "metadata",
    },
    # metadata differs (authors, category); sections differ; the title is 'Memorandum'
    "tuned/pdf_memo_to_from_subject_fields_hard_wrapped_heading_inline_footnote_cut": {
        "metadata",
        "sections",
        "title",
    },
    # a one-part trail ("Publications /") is read as the kicker and the kind label as the
    # title; "Book / Report" and "Back" are kept, and the date under empty author labels
    # is missed
    "tuned/think_tank_report_page_breadcrumb_type_labels_empty_authors_french_dash_list_cut": {
        "blocks",
        "chrome kept",
        "metadata",
        "title",
    },
    # chrome kept (2): 'Click here to download a PDF of this ...'; metadata differs
    # (summary); sections differ; the title is 'The independent resource on global
    # security'
    "tuned/think_tank_yearbook_chapter_tagline_numbered_title_roman_contents_spacers_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (3): 'Analysis'; metadata differs (category); sections differ; the
    # title is 'Sudan'
    "tuned/un_agency_country_card_tabs_caps_overview_bold_sentence_lines_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # blocks differ; metadata differs (category); the title is "En cours au Siège de
    # l'ONU"
    "tuned/un_press_listing_french_kicker_doc_code_lines_country_label_paragraphs_cut": {
        "blocks",
        "metadata",
        "title",
    },
    # chrome kept (2): 'This is an example — create yours in ...'; sections differ
    "tuned/vendor_template_example_digest_label_value_lines_emoji_headings_runon_table_cut": {
        "chrome kept",
        "sections",
    },
    # set 51, first met at 455dd7e (3 of 14 exact) as a held-out set, now tuned:
    # blocks differ; chrome kept (4): 'Contact Us · Copyright © 2016 · Site ...';
    # metadata differs (publisher, category)
    "tuned/advocacy_group_policy_report_kicker_carousel_testimonial_footer": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # the author named only in the closing bio box is missed, and a cut "Previo" link kept
    "tuned/association_policy_news_doubled_account_prompt_semicolon_list_author_box_cut": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # chrome kept (2): '1/9'; metadata differs (updated, authors); sections differ
    "tuned/guide_page_kicker_subtitle_stacked_meta_indicator_cards_severity_badges_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # the country kicker over a sentence-case headline is the title
    "tuned/news_site_ad_banner_kicker_credit_run_together_takeaway_bullets_nested_heads_cut": {
        "blocks",
        "metadata",
        "title",
    },
    # chrome kept (5): 'Crédito de la imagen: FAO'; metadata differs (published);
    # sections differ; the title is '22/11/13' (at 455dd7e; the date line and the title
    # are right since the two-digit-year dates of the next commits)
    "tuned/science_news_feature_spanish_short_date_at_a_glance_box_send_form_caption_cut": {
        "chrome kept",
        "sections",
    },
    # chrome kept (3): '12 min read'; metadata differs (published, authors, category);
    # sections differ; the title is 'DARKRADAR.CO'
    "tuned/security_blog_sponsor_box_lowercase_title_unit_byline_repeated_title_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # sections differ; the title is '03 Jun The Strategic Defence Review: 10 Key ...'
    "tuned/think_tank_blog_day_month_run_into_title_numbered_sentence_headings_cut": {
        "sections",
        "title",
    },
    # sections differ
    "tuned/university_daily_risk_roundup_date_line_boilerplate_intro_topic_headings_cut": {
        "sections",
    },
    # metadata differs (category); sections differ; the title is 'News Archive'
    "tuned/university_it_news_archive_label_subheading_quoted_subject_lines_cut": {
        "metadata",
        "sections",
        "title",
    },
    # set 52 (first met at d73042c as a held-out set, 2 of 15 exact; tuned on
    # since, those now exact are off this list):
    # chrome kept (1): 'AI-powered OSINT brief from verified ...'; sections differ
    "tuned/ai_osint_brief_published_on_numbered_bluf_hypotheses_lead_bullets_cut": {
        "chrome kept",
        "sections",
    },
    # chrome kept (2): 'On this site'; metadata differs (summary); sections differ; the
    # title is 'copyright | disclaimer | privacy | contact'
    "tuned/cert_site_bulletin_types_nav_menu_label_colon_paragraphs_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # blocks differ; metadata differs (published, authors)
    "tuned/french_webzine_book_excerpt_kicker_byline_date_print_links_one_line_bio_cut": {
        "blocks",
        "metadata",
    },
    # metadata differs (tags); sections differ
    "tuned/insurer_advice_page_french_tag_lines_teaser_question_headings_spaced_gaps_cut": {
        "metadata",
        "sections",
    },
    # chrome kept (14): 'CSOA First Response Report: Iran Seizes ...'; metadata differs
    # (published, category); sections differ; the title is 'Connecting CSOs'
    "tuned/member_network_news_menu_related_events_sidebar_title_date_paragraphs_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # sections differ
    "tuned/newsletter_intel_report_site_builder_pdf_link_rubric_lead_bullets_exec_summary_cut": {
        "sections",
    },
    # chrome kept (1): 'Supported by Cylance, ObserveIT, ...'; metadata differs
    # (category); sections differ
    "tuned/newsletter_landing_skip_link_issue_title_teaser_pairs_sponsor_line_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # blocks differ; chrome kept (3): 'Gover'; metadata differs (published, authors)
    "tuned/nonprofit_blog_wordmark_dotted_date_read_time_text_by_quoted_paragraphs_footer_cut": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # metadata differs (published, authors); sections differ
    "tuned/policy_newsletter_dated_title_widgets_title_case_dek_by_colon_numbered_runon_cut": {
        "sections",
        "metadata",
    },
    # chrome kept (1): 'Marine biologist/ecologist who also ...'; metadata differs
    # (authors); sections differ; the title is 'Samantha Andrews'
    "tuned/science_publisher_blog_author_bio_above_headline_date_pipe_read_time_quotes_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (1): 'Глобальні безпекові, політичні, ...'; sections differ
    "tuned/think_tank_forecast_dek_line_foreign_version_link_numbered_heading_runon_table_cut": {
        "chrome kept",
        "sections",
    },
    # set 53 (first met at d73042c as a held-out set, 4 of 17 exact; tuned on
    # since, those now exact are off this list):
    # the all-caps event banner between paragraphs ('JOIN SANS FOR A 1-DAY CYBER THREAT
    # ...') is kept as a paragraph
    "tuned/blog_masthead_line_title_caps_promo_banner_between_paragraphs_one_heading_cut": {
        "blocks",
        "chrome kept",
    },
    # chrome kept (11): '0'; metadata differs (authors); sections differ; the title is
    # 'MAKING RESEARCH MATTER: CREATING POLICY BRIEFS ...'
    "tuned/document_host_slide_deck_page_markers_caps_slide_titles_glyph_bullets_wrapped_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (3): 'Copyright Reuters'; sections differ
    "tuned/french_news_feature_word_count_bar_photo_credit_lines_dek_dash_separator_cut": {
        "chrome kept",
        "sections",
    },
    # metadata differs (published, tags); sections differ; the title is 'legislationThe
    # Ransomware Era (2020-2022) Daily ...'
    "tuned/history_site_daily_briefing_runtogether_badges_indented_item_colon_headings_cut": {
        "sections",
        "metadata",
    },
    # sections differ; the title is 'Home : News : Display'
    "tuned/military_college_estimate_breadcrumb_date_region_subtitle_caption_footnote_cut": {
        "sections",
        "title",
    },
    # sections differ; the title is 'Virtual Event: Threat Detection and Incident ...'
    "tuned/news_article_banner_search_chrome_duplicated_dek_runtogether_caption_cut": {
        "title",
        "sections",
    },
    # metadata differs (published, tags); sections differ
    "tuned/news_mirror_travel_alert_french_date_utc_dek_tag_lines_event_advice_labels": {
        "metadata",
        "sections",
    },
    # sections differ
    "tuned/news_wire_section_page_date_line_story_headlines_wire_datelines_excerpt_labels_cut": {
        "sections",
    },
    # blocks differ; chrome kept (2): 'Download Security Brief #26 [PDF] ...'
    "tuned/research_center_brief_listing_bulleted_titles_inline_bylines_glued_alt_text_cut": {
        "blocks",
        "chrome kept",
    },
    # the date '05/02/2026' is ambiguous and stays unread, the organisation's name under
    # it heads a section instead of being the author, and the indented '  1.' sub-headings
    # stay items (at first contact the title, chrome and a Roman number failed too)
    "tuned/think_tank_assessment_bilingual_masthead_kicker_date_roman_numbered_headings_cut": {
        "metadata",
        "sections",
    },
    # the indented bio paragraphs under the author's bullet are read as that item's
    # continuation, where the page shows them as paragraphs of the author box
    "tuned/think_tank_memo_publishing_date_label_key_actions_colon_list_author_bio_cut": {
        "blocks",
    },
    # chrome kept (3): 'A B C D E F G H I J K L M N O P Q R S T ...'; metadata differs
    # (category); sections differ; the title is 'Welcome University of Maryland,
    # Baltimore'
    "tuned/travel_risk_portal_rating_changes_alphabet_nav_level_location_category_fields_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (3): 'Enterprise-grade cybersecurity and risk ...'; sections differ
    "tuned/vendor_blog_advisory_colon_lead_in_indented_numbered_steps_newsletter_footer": {
        "chrome kept",
        "sections",
    },
    # set 54 (first met at acec66f as a held-out set, 3 of 18 exact; tuned on
    # since, those now exact are off this list):
    # chrome kept (1): 'HomeGeopoliticsThe Indo-Pacific ...'; sections differ; the title
    # is 'The EU AI Act: What Compliance Actually ...'
    "tuned/blog_sidebar_teaser_runtogether_breadcrumb_headline_no_byline_cut": {
        "chrome kept",
        "sections",
        "title",
    },
    # sections differ
    "tuned/government_research_report_page_empty_date_label_isbn_doi_fields_references_cut": {
        "sections",
    },
    # blocks differ; the title is 'Другие журналы на сайте ИНТЕЛРОС'
    "tuned/journal_mirror_russian_breadcrumb_authors_above_title_footnote_digit_cut": {
        "blocks",
        "title",
    },
    # sections differ
    "tuned/magazine_panel_question_dek_expert_name_heading_bio_line_no_final_stop_cut": {
        "sections",
    },
    # chrome kept (1): 'Find out more.\'; "Louise O\'Brien/TNH'; sections differ; the
    # title is 'The New Humanitarian welcomes new CEO Ebele ...'
    "tuned/news_newsletter_banner_breadcrumbs_question_headline_credit_radar_subheads_cut": {
        "chrome kept",
        "sections",
        "title",
    },
    # chrome kept (2): '1'; metadata differs (authors); sections differ; the title is
    # 'SlideShare ist ein Scribd-Unternehmen logo' (at first contact its Roman section
    # numbers were also counted as lost words)
    "tuned/pdf_viewer_chrome_caps_title_indented_byline_roman_headings_hanging_bullets_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # metadata differs (publisher, category); sections differ
    "tuned/research_hub_article_back_link_runtogether_kicker_repeated_title_stat_lists_cut": {
        "metadata",
        "sections",
    },
    # chrome kept (1): 'Minor Resolved View vendor source →'; metadata differs
    # (category); sections differ; the title is 'CyberFOX incident'
    "tuned/status_page_incident_kicker_badges_key_value_lines_numbered_timeline": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # metadata differs (authors); sections differ
    "tuned/think_tank_blog_french_wix_dash_meta_lines_dek_numbered_heading_bullets_cut": {
        "metadata",
        "sections",
    },
    # metadata differs (category); sections differ; the title is 'Global Humanitarian
    # Overview 2024 Monthly ...'
    "tuned/un_appeal_update_series_kicker_summary_stat_label_value_lines_prose_cut": {
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (1): 'World map'; metadata differs (published); sections differ (at
    # acec66f; since the header-line rules that followed, the date and the sections are
    # right and only the image's "World map" line is kept)
    "tuned/vendor_ransomware_weekly_date_label_own_line_alt_text_group_headings_cut": {
        "blocks",
        "chrome kept",
    },
    # set 55 (first met at acec66f as a held-out set, 2 of 16 exact; tuned on since, those
    # now exact are off this list; a newsletter's heading it lost at first contact is kept
    # since 4562bc4, a content-loss fix):
    # chrome kept (9): 'Financial markets in June were ...'; sections differ
    "tuned/asset_manager_news_dek_click_here_link_related_articles_danish_label": {
        "chrome kept",
        "sections",
    },
    # chrome kept (1): 'Online Intelligence Training – Become a ...'; metadata differs
    # (published, authors, publisher, summary); sections differ; the title is
    # 'Intelligence101'
    "tuned/blog_guide_skip_links_nested_mega_menu_tagline_byline_comment_count_toc_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # the contents list under 'Table of Contents' is kept as a list, where this page's
    # reader drops it as navigation (other pages' contents lists are kept as content)
    "tuned/blog_guide_toc_with_hash_anchored_headings_numbered_contents_cut": {"blocks"},
    # blocks differ; chrome kept (1): 'market risk'
    "tuned/commentary_aggregator_market_risk_update_firm_link_risk_headings_image_alt_cut": {
        "blocks",
        "chrome kept",
    },
    # metadata differs (published, category); sections differ; the title is 'A Real
    # Economy publication'
    "tuned/consultancy_outlook_kicker_date_key_takeaways_question_heading_numbered_trends_cut": {
        "metadata",
        "sections",
        "title",
    },
    # sections differ
    "tuned/content_farm_article_read_time_numbered_headings_flattened_table_filler_cut": {
        "sections",
    },
    # 'You will learn:' over its list is kept as the list's lead sentence, where this
    # page's reader sees a heading
    "tuned/corporate_blog_logo_section_bulleted_date_learn_list_citation_chips_cut": {
        "sections",
    },
    # blocks differ; chrome kept (3): 'Disclaimer: Every comment will be ...'
    "tuned/news_site_alert_story_repeated_headline_date_time_dash_quotes_comment_disclaimer": {
        "blocks",
        "chrome kept",
    },
    # blocks differ; chrome kept (5): 'Global Situation Update'; metadata differs
    # (published)
    "tuned/newsletter_daily_digest_breadcrumb_masthead_region_headings_read_more_sponsor_cut": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # metadata differs (updated, category, tags); sections differ; the title is
    # 'conceptOSINT~6 min readUpdated Apr 29, ...'
    "tuned/notes_site_runtogether_kicker_meta_hashtags_inline_dash_list_numbered_cut": {
        "metadata",
        "sections",
        "title",
    },
    # an image's alt text and caption, the same line twice ('Writing OSINT reports is a
    # vital skill'), are kept as a paragraph
    "tuned/site_builder_blog_writer_bullets_duplicated_byline_caption_double_blank_lines_cut": {
        "blocks",
        "chrome kept",
    },
    # metadata differs (category); sections differ; the title is 'Understanding Global
    # Travel Advisory Levels'
    "tuned/travel_guide_page_source_line_quoted_block_numbered_level_headings_blank_runs_cut": {
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (8): '179 0 0'; sections differ; the title is '1. Trang chủ'
    "tuned/vietnamese_doc_viewer_breadcrumb_page_markers_pdf_bullets_missing_full_stops_cut": {
        "chrome kept",
        "sections",
        "title",
    },
    # set 56 (first met at c5055ce as a held-out set, 3 of 17 exact, the same 3 at d8d4cad;
    # tuned on since, those now exact are off this list):
    # chrome kept (1): '[Page 936]'; sections differ
    "tuned/archive_memo_numbered_title_footnote_digits_subject_bullet_page_marker_cut": {
        "chrome kept",
        "sections",
    },
    # blocks differ; chrome kept (1): 'You can now read the full whitepaper at ...'
    "tuned/asset_manager_sponsored_article_dek_repeated_title_implications_pull_quote": {
        "blocks",
        "chrome kept",
    },
    # metadata differs (publisher, category); sections differ; the title is 'Middle East
    # Security Monitor'
    "tuned/blog_auto_weekly_brief_repeated_title_category_bullet_stats_empty_section_cut": {
        "title",
        "sections",
        "metadata",
    },
    # sections differ
    "tuned/corporate_guide_no_blank_lines_numbered_headings_dash_lists_with_lead_colons_cut": {
        "sections",
    },
    # chrome kept (9): 'Benefits and challenges of risk ...'; metadata differs
    # (category); sections differ; the title is 'Our Privacy Statement & Cookie Policy'
    "tuned/legal_vendor_explainer_cookie_box_kicker_read_time_twice_promo_jump_to_toc_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # chrome kept (3): 'Group of soldiers on top of the earth ...'; metadata differs
    # (published, updated, category); sections differ; the title is 'Subscribe to an
    # email'
    "tuned/magazine_paper_subscribe_box_kicker_caption_two_dates_abstract_space_lines_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # metadata differs (category: 'Analysis:' run into the dek); sections differ
    "tuned/news_analysis_label_dek_caption_credit_run_together_dateline_numbered_takeaway_cut": {
        "metadata",
        "sections",
    },
    # blocks differ; metadata differs (published, updated, authors, publisher, category)
    "tuned/parliament_question_german_run_together_badges_label_value_pairs_repeat_title_cut": {
        "blocks",
        "metadata",
    },
    # chrome kept (1): 'abstract blue banner'; metadata differs (category); sections
    # differ
    "tuned/risk_vendor_weekly_summary_week_headline_alt_text_bullets_story_index_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # chrome kept (4): 'Blog'; sections differ; the title is 'SOCRadar® Cyber
    # Intelligence Inc. | Cyber ...'
    "tuned/threat_intel_blog_pipe_title_line_breadcrumb_date_read_time_image_credits_cut": {
        "chrome kept",
        "sections",
        "title",
    },
    # chrome kept (1): 'To learn more, check out our Supply ...'; sections differ
    "tuned/vendor_alert_by_colon_org_on_date_sentence_case_headings_cta_link_cut": {
        "chrome kept",
        "sections",
    },
    # metadata differs (published, authors, category); sections differ; the title is
    # 'April 22, 2024 / Blog'
    "tuned/vendor_blog_date_slash_category_author_share_sentence_case_headings_cut": {
        "metadata",
        "sections",
        "title",
    },
    # set 57 (first met at c5055ce as a held-out set, 2 of 15 exact, the same 2 at 73cf72c;
    # tuned on since, those now exact are off this list):
    # blocks differ
    "tuned/blog_reposted_maritime_advisory_day_date_caps_title_numbered_lettered_leads_cut": {
        "blocks",
    },
    # blocks differ; chrome kept (13): '0'
    "tuned/consultant_blog_howto_nested_bullets_trailing_word_metadata_junk_cut": {
        "blocks",
        "chrome kept",
    },
    # sections differ
    "tuned/cyber_vendor_weekly_briefing_one_paragraph_per_line_story_headlines_cut": {
        "sections",
    },
    # chrome kept (4): 'Back to main Blog'; metadata differs (published, authors,
    # category, summary); sections differ; the title is '94.7% FORECAST ACCURACY ||
    # BUSINESS-MINDED ...'
    "tuned/economics_consultancy_blog_tagline_banner_category_byline_author_box_bullets_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # blocks differ; chrome kept (4): '<< Back to Listing'; metadata differs (publisher,
    # category)
    "tuned/insurance_broker_news_post_repeated_title_image_alt_quoted_statement_back_link": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # metadata differs (published, category, summary); sections differ; the title is
    # 'Piracy'
    "tuned/insurer_topic_page_kicker_published_empty_updated_credit_dated_update_heading_cut": {
        "title",
        "sections",
        "metadata",
    },
    # chrome kept (5): 'Argentina runoff presidential election'; sections differ
    "tuned/news_site_daily_brief_category_listing_image_alt_lines_truncated_teasers_cut": {
        "chrome kept",
        "sections",
    },
    # sections differ
    "tuned/ngo_early_warning_quarterly_figure_caption_icon_alt_heading_country_leads_cut": {
        "sections",
    },
    # chrome kept (1): 'Read more'
    "tuned/political_risk_consultancy_region_listing_bulleted_posts_dates_read_more_cut": {
        "chrome kept",
    },
    # sections differ
    "tuned/vendor_guide_flattened_tables_row_labels_bullets_missing_row_labels_cut": {
        "sections",
    },
    # held-out set 58, as first met (837c702, this stop's parser: 2 of 15 exact; also 2
    # at c5055ce), left untuned (one page the parser refused at first contact, with
    # "expected the brief's title", is read since e8d9df3):
    # chrome kept (2): 'Intelligence Fusion Logo [Hi Res] - ...'; metadata differs
    # (published); sections differ
    "held_out/blog_repost_security_newsletter_logo_alt_lines_date_region_image_headings_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # blocks differ; chrome kept (1): 'More news on'; metadata differs (published)
    "held_out/consultancy_news_date_site_readtime_line_caption_run_together_cut": {
        "blocks",
        "chrome kept",
        "metadata",
    },
    # chrome kept (2): 'Support our work.'; sections differ; the title was 'Help us
    # amplify vital stories and drive change ...' (right since the headline scorer, which
    # leaves the banner's lines above it as the body's first paragraph and its date unread)
    "held_out/humanitarian_news_support_banner_breadcrumb_ol_image_filename_colon_headings_cut": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # chrome kept (7): '(Tu correo sirve para asegurar que le ...'; metadata differs
    # (published, authors); sections differ
    "held_out/ngo_spanish_breadcrumb_dated_byline_caps_headings_paso_steps_form_chrome_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # blocks differ; metadata differs (published, updated, tags)
    "held_out/personal_notes_page_question_title_run_together_properties_line_nested_bullets": {
        "blocks",
        "metadata",
    },
    # chrome kept (8): 'RiskMap 2021: Africa map'; sections differ
    "held_out/risk_consultancy_map_landing_icon_alt_lines_caps_card_headings_risers_bullet_cut": {
        "chrome kept",
        "sections",
    },
    # blocks differ; metadata differs (category); the title is 'Notes on Analytic'
    "held_out/tradecraft_note_broken_masthead_note_number_colon_leadins_missing_lists_cut": {
        "blocks",
        "metadata",
        "title",
    },
    # chrome kept (2): 'LUMINAR Threat Landscape Report CTA'; metadata differs
    # (authors); sections differ; the title is 'Tanya Gottdiener , Threat Intelligence
    # Product ...'
    "held_out/vendor_blog_byline_role_date_above_title_alt_line_key_findings_bullets_cta_cut": {
        "chrome kept",
        "metadata",
        "sections",
        "title",
    },
    # metadata differs (published); sections differ; the title was 'This web app uses
    # cookies to compile statistic ...' (right since the headline scorer; the cookie notice
    # above it is kept as the body's first paragraph)
    "held_out/vendor_blog_cookie_banner_date_site_byline_question_headings_empty_section_cut": {
        "blocks",
        "metadata",
        "chrome kept",
    },
    # metadata differs (published, summary); sections differ; the title is 'Highlights
    # of the Day'
    "held_out/vendor_daily_summary_dash_highlights_item_line_en_dash_labelled_paragraphs_cut": {
        "metadata",
        "sections",
        "title",
    },
    # held-out set 59, as first met (7478f84, this stop's parser: 1 of 9 exact), left untuned:
    # metadata differs (authors, summary); sections differ; the title is 'Farid al-
    # Khaleqi, Middle East region analyst at ...'
    "held_out/analyst_daily_briefing_alt_text_byline_tagline_headline_unbroken_prose_cut": {
        "metadata",
        "sections",
        "title",
    },
    # blocks differ
    "held_out/blog_monthly_archive_two_posts_date_lines_bullet_roundup_lead_in_quote_cut": {
        "blocks",
    },
    # metadata differs (category); sections differ; the title is 'All briefings'
    "held_out/briefing_portal_raw_markdown_bold_fields_emoji_numbered_heading_bold_bullets_cut": {
        "metadata",
        "sections",
        "title",
    },
    # metadata differs (publisher, category); sections differ
    "held_out/docs_page_skip_link_product_masthead_numbered_dash_leads_bullets_cut": {
        "metadata",
        "sections",
    },
    # chrome kept (1): 'Send in e-mailSend in e-mail'; metadata differs (authors);
    # sections differ
    "held_out/news_premium_article_dek_doubled_byline_doubled_caption_credit_run_together_cut": {
        "chrome kept",
        "metadata",
        "sections",
    },
    # metadata differs (published); sections differ; the title is 'HomeMiddle EastWhat
    # to Keep an Eye on: ...'
    "held_out/news_site_date_bar_runtogether_breadcrumb_inline_analysis_label_paragraphs_cut": {
        "metadata",
        "sections",
        "title",
    },
    # blocks differ; words lost: picturegeopolitics; metadata differs (publisher)
    "held_out/wix_blog_weekly_report_letter_greeting_headingless_numbered_lists_cut": {
        "blocks",
        "content lost",
        "metadata",
    },
    # held-out set 60, as first met (1524bb8, last stop's parser: 3 of 14 exact once lines that
    # are paragraphs of their own were no longer joined in the expected JSON; the same at
    # 36522de, this stop's headline scorer), left untuned but for the blog post under a
    # thumbnail's alt text, which has joined the tuned set:
    # sections differ
    "held_out/aggregator_intel_report_published_on_line_numbered_bluf_headings_markdown_cut": {
        "sections"
    },
    # sections differ; chrome kept (1)
    "held_out/ai_summary_site_markdown_incident_report_label_bullets_nested_headings_cut": {
        "sections",
        "chrome kept",
    },
    # sections differ; metadata differs (category); chrome kept (1)
    "held_out/credit_bureau_news_month_above_title_colon_question_headings_swedish_footer": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # sections differ; metadata differs (published, authors)
    "held_out/cti_blog_doubled_author_read_time_views_share_repeated_title_cut": {
        "sections",
        "metadata",
    },
    # sections differ
    "held_out/news_aggregator_story_single_newline_paragraphs_timeline_dated_entry_cut": {
        "sections"
    },
    # blocks differ
    "held_out/obsidian_notes_markdown_bluf_heading_bold_labels_wikilink_bullets_cut": {"blocks"},
    # sections differ; chrome kept (1)
    "held_out/pdf_transcript_docbox_unicef_sitrep_run_on_paragraph_download_chrome_cut": {
        "sections",
        "chrome kept",
    },
    # sections differ; chrome kept (8)
    "held_out/ratings_agency_research_related_list_above_title_duplicate_title_cut": {
        "sections",
        "chrome kept",
    },
    # sections differ; metadata differs (published, authors); chrome kept (1)
    "held_out/research_newsletter_podcast_note_weekday_date_byline_salutation_signoff": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # sections differ; metadata differs (category)
    "held_out/vendor_report_breadcrumb_dark_mode_double_byline_nested_dash_bullets_cut": {
        "sections",
        "metadata",
    },
    # held-out set 61, as first met (2959302, this stop's parser with the headline scorer: 3 of 15
    # exact once lines that are paragraphs of their own were no longer joined in the expected
    # JSON; the same at 1524bb8, without it, where one more title was wrong), left untuned:
    # sections differ; metadata differs (summary)
    "held_out/amp_blog_explainer_excerpt_label_bullets_with_leads_nested_headings_cut": {
        "sections",
        "metadata",
    },
    # sections differ
    "held_out/blogger_archive_no_blank_lines_hard_wrapped_numbered_headings_cut": {"sections"},
    # the title is 'FEBRUARY 2025'; blocks differ; metadata differs (authors, category); chrome
    # kept (1)
    "held_out/ceros_interactive_monthly_outlook_stray_item_numbers_no_blank_lines_cut": {
        "title",
        "blocks",
        "metadata",
        "chrome kept",
    },
    # the title is 'Welcome to Risk Radar 2025'; sections differ; metadata differs (summary)
    "held_out/consultancy_report_microsite_banner_tagline_percent_stat_bullets_cut": {
        "title",
        "sections",
        "metadata",
    },
    # blocks differ
    "held_out/corporate_insights_weekday_date_above_title_single_heading_bullets_cut": {"blocks"},
    # metadata differs (publisher, category)
    "held_out/news_site_skip_link_nav_doubled_headline_key_findings_quote_bullets_cut": {
        "metadata"
    },
    # the title is 'Security: Activists to protest in UK cities Jan. 8, 9, and …'; sections
    # differ; metadata differs (category)
    "held_out/risk_alert_security_kicker_severity_label_field_bullets_date_sublabels_cut": {
        "title",
        "sections",
        "metadata",
    },
    # the title is 'Interfor International - Weekly Security Matters Digest -Oc…'; sections
    # differ; metadata differs (published)
    "held_out/security_firm_wordpress_weekly_digest_repeated_title_lines_stat_lines_cut": {
        "title",
        "sections",
        "metadata",
    },
    # sections differ; chrome kept (2)
    "held_out/security_news_weekly_incident_summary_published_label_flat_table_repeated_title": {
        "sections",
        "chrome kept",
    },
    # blocks differ; metadata differs (authors)
    "held_out/wix_cyber_weekly_digest_author_bullet_above_title_no_headings_cut": {
        "blocks",
        "metadata",
    },
    # the title is 'David J. Trachtenberg, Overselling and Underperforming: The…'; sections
    # differ; metadata differs (published, authors)
    "held_out/wordpress_think_tank_information_series_citation_line_author_bio_footnotes_cut": {
        "title",
        "sections",
        "metadata",
    },
    # held-out set 62, as first met (30a4697, this stop's parser with the headline scorer: 0 of 15
    # exact; the same at 1524bb8, without it, and with the same titles), left untuned but for
    # the newsletter with flag-led headings and the post with icon alt text, now tuned:
    # sections differ
    "held_out/blogger_travel_security_report_greeting_intro_date_subheadings_cut": {"sections"},
    # sections differ; metadata differs (category); chrome kept (1)
    "held_out/consultancy_quick_take_repeated_title_region_tag_timestamp_bullets_cta": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # the title is 'Geopolitical & Security Analysis Global Report'; sections differ; metadata
    # differs (authors, publisher, category); chrome kept (1)
    "held_out/consultancy_weekly_report_labelled_details_block_key_concerns_bullets_cut": {
        "title",
        "sections",
        "metadata",
        "chrome kept",
    },
    # blocks differ; metadata differs (category); chrome kept (1)
    "held_out/insurer_insights_country_label_summary_paragraphs_region_tabs_cut": {
        "blocks",
        "metadata",
        "chrome kept",
    },
    # sections differ; metadata differs (publisher, category); chrome kept (2)
    "held_out/linkedin_article_doubled_title_alt_text_dash_items_source_credit_lines_cut": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # sections differ; metadata differs (published, category)
    "held_out/magazine_online_article_byline_slash_date_label_nested_scenario_bullets_cut": {
        "sections",
        "metadata",
    },
    # sections differ; metadata differs (category)
    "held_out/nonprofit_featured_report_single_newline_headings_dash_lead_lines_cut": {
        "sections",
        "metadata",
    },
    # sections differ; metadata differs (authors)
    "held_out/pdf_viewer_incident_lessons_learned_caps_field_labels_heading_run_in": {
        "sections",
        "metadata",
    },
    # sections differ
    "held_out/tech_blog_patch_tuesday_bulletin_flattened_table_severity_labels_cut": {"sections"},
    # tuned on since (its icons' alt text is chrome now, and its date is read), so in the tuned
    # set: 'Blog Main Image' heads a section; authors differ; that line is kept
    "tuned/vendor_blog_category_above_title_meta_icon_alt_lines_callout_cut": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # blocks differ
    "held_out/vendor_blog_title_full_stop_single_newlines_label_lines_dash_list_cut": {"blocks"},
    # sections differ
    "held_out/wix_blog_dash_meta_list_relative_date_no_blank_lines_cut": {"sections"},
    # held-out set 63, as first met (1d5d75a, the last stop's parser: 4 of 14 exact; the same at
    # 379d000), left untuned:
    # sections differ; chrome kept (8)
    "held_out/consultancy_country_risk_update_map_legend_space_lines_video_transcripts_cut": {
        "sections",
        "chrome kept",
    },
    # the title is 'PERSPECTIVE: Risks of election violenceAn Analytic Framework for Asses';
    # blocks differ; metadata differs (category)
    "held_out/news_aggregator_kicker_run_into_title_published_line_quoted_extract_cut": {
        "title",
        "blocks",
        "metadata",
    },
    # blocks differ; metadata differs (authors)
    "held_out/security_newsletter_roundup_date_range_byline_in_standfirst_caps_headings_cut": {
        "blocks",
        "metadata",
    },
    # the title is 'The Editors'; blocks differ; metadata differs (authors, category); chrome
    # kept (2)
    "held_out/think_tank_threat_update_date_template_sidebar_repeat_key_takeaways_bullets": {
        "title",
        "blocks",
        "metadata",
        "chrome kept",
    },
    # blocks differ; chrome kept (1)
    "held_out/vendor_resource_weekday_date_above_title_key_findings_bullets_download_cta": {
        "blocks",
        "chrome kept",
    },
    # the title is 'Introduction to Geopolitical Risk'; sections differ; metadata differs
    # (category); chrome kept (1)
    "held_out/wix_advisory_explainer_two_line_title_logo_alt_doubled_heading_space_lines_cut": {
        "title",
        "sections",
        "metadata",
        "chrome kept",
    },
    # held-out set 64, as first met (9122b45, this stop's parser: 3 of 13 exact; the same 3 at
    # 1d5d75a, the last stop's), left untuned:
    # the title is 'Threat Intelligence'; sections differ; metadata differs (category)
    "held_out/academy_lesson_kicker_numbered_headings_unbulleted_label_lines_subheadings_cut": {
        "title",
        "sections",
        "metadata",
    },
    # the title is 'Sanctions & export controls'; sections differ; metadata differs (published,
    # authors, category)
    "held_out/content_site_kicker_stop_title_share_row_published_by_read_time_no_blanks_cut": {
        "title",
        "sections",
        "metadata",
    },
    # sections differ; chrome kept (4)
    "held_out/german_think_tank_chapter_date_above_title_series_line_hash_toc_abstract_cut": {
        "sections",
        "chrome kept",
    },
    # the title is 'CISA-Published Industrial Control System Vulnerabilities'; sections differ;
    # metadata differs (category)
    "held_out/ics_advisory_mirror_kicker_above_title_numbered_caps_headings_field_lines_cut": {
        "title",
        "sections",
        "metadata",
    },
    # sections differ; metadata differs (published, authors)
    "held_out/odoo_blog_date_by_author_split_line_two_headings_kev_cves_cut": {
        "sections",
        "metadata",
    },
    # blocks differ; chrome kept (1)
    "held_out/online_journal_standfirst_below_title_key_takeaways_box_alt_text_line_cut": {
        "blocks",
        "chrome kept",
    },
    # sections differ; metadata differs (published)
    "held_out/think_tank_paper_skip_link_kicker_type_label_glued_date_chapter_label_cut": {
        "sections",
        "metadata",
    },
    # held-out set 65, as first met (9122b45, this stop's parser: 1 of 15 exact; the same at
    # 1d5d75a), left untuned:
    # blocks differ; metadata differs (category); chrome kept (5)
    "held_out/corporate_insights_byline_role_read_time_archived_notice_disclaimer_cut": {
        "blocks",
        "metadata",
        "chrome kept",
    },
    # sections differ; chrome kept (2)
    "held_out/finance_site_disclaimer_banner_runtogether_nav_numbered_subheading_bullets_cut": {
        "sections",
        "chrome kept",
    },
    # sections differ; metadata differs (publisher)
    "held_out/forensics_firm_amp_page_title_repeated_thrice_tldr_bullets_cut": {
        "sections",
        "metadata",
    },
    # the title is 'My Games'; sections differ; chrome kept (10)
    "held_out/kc7_style_game_glossary_nav_menu_logout_modal_breadcrumb_inline_markdown_cut": {
        "title",
        "sections",
        "chrome kept",
    },
    # blocks differ; metadata differs (published, authors, category)
    "held_out/law_firm_blog_pipe_meta_line_under_title_no_blank_lines_cut": {"blocks", "metadata"},
    # the title is 'Xenia Wickett'; blocks differ; metadata differs (authors, category); chrome
    # kept (1)
    "held_out/linkedin_article_mirror_author_headline_line_subheadings_no_blank_lines_cut": {
        "title",
        "blocks",
        "metadata",
        "chrome kept",
    },
    # sections differ
    "held_out/personal_blog_mojibake_emoji_headings_mermaid_source_no_blank_lines_cut": {
        "sections",
    },
    # sections differ; chrome kept (1)
    "held_out/risk_consultancy_weekly_summary_alt_text_series_label_judgement_bullets_cut": {
        "sections",
        "chrome kept",
    },
    # sections differ; chrome kept (2)
    "held_out/security_vendor_spanish_weekly_outlook_region_labels_glued_heading_cta_cut": {
        "sections",
        "chrome kept",
    },
    # metadata differs (published)
    "held_out/think_tank_overnight_digest_date_in_title_region_heading_source_dash_cut": {
        "metadata",
    },
    # sections differ; chrome kept (3)
    "held_out/wix_personal_blog_report_writer_widget_bullets_photo_credit_emoji_heading_cut": {
        "sections",
        "chrome kept",
    },
    # held-out set 66, as first met (566d5ec, this stop's last parser: 2 of 15 exact; 1 at
    # 1d5d75a, the last stop's), left untuned:
    # blocks differ; metadata differs (category); chrome kept (1)
    "held_out/blog_run_together_category_line_short_paras_tagline_footer": {
        "blocks",
        "metadata",
        "chrome kept",
    },
    # sections differ; chrome kept (1)
    "held_out/credit_insurer_economic_studies_masthead_doubled_title_rating_table_cut": {
        "sections",
        "chrome kept",
    },
    # blocks differ; chrome kept (2)
    "held_out/eu_library_record_labelled_fields_empty_values_single_abstract_source_link": {
        "blocks",
        "chrome kept",
    },
    # sections differ; chrome kept (9)
    "held_out/french_think_tank_journal_article_no_blank_lines_plan_list_share_related_cut": {
        "sections",
        "chrome kept",
    },
    # the title is 'Commercial Vessel Compliance'; blocks differ; metadata differs (category)
    "held_out/government_blog_category_kicker_date_in_title_bullet_list_cut": {
        "title",
        "blocks",
        "metadata",
    },
    # the title is 'Join our crew and become one of the 105,461 members that receive our n';
    # blocks differ; metadata differs (published, authors); chrome kept (2)
    "held_out/news_site_newsletter_banner_doubled_photo_caption_byline_views_date_cut": {
        "title",
        "blocks",
        "metadata",
        "chrome kept",
    },
    # sections differ
    "held_out/ransomware_recap_blog_no_blank_lines_emoji_headings_pipe_tables_cut": {"sections"},
    # sections differ; metadata differs (published); chrome kept (1)
    "held_out/think_tank_insight_title_arrow_breadcrumb_pipe_dateline_label_bullets_cut": {
        "sections",
        "metadata",
        "chrome kept",
    },
    # the title is 'Publications and Calls'; sections differ; metadata differs (published,
    # authors, category); chrome kept (1)
    "held_out/think_tank_policy_brief_section_label_byline_iso_date_brackets_quote_credit": {
        "title",
        "sections",
        "metadata",
        "chrome kept",
    },
    # blocks differ; chrome kept (1)
    "held_out/university_cert_blog_repost_teaser_read_more": {"blocks", "chrome kept"},
    # the title is 'Interactive Report Summary'; sections differ; metadata differs (category);
    # chrome kept (3)
    "held_out/vendor_interactive_report_caps_tile_labels_timeline_dates_cut": {
        "title",
        "sections",
        "metadata",
        "chrome kept",
    },
    # sections differ; chrome kept (1)
    "held_out/vendor_research_quarterly_threatscape_figure_caption_bullets_cut": {
        "sections",
        "chrome kept",
    },
    # blocks differ; metadata differs (authors)
    "held_out/wix_news_blog_top_of_page_bullet_byline_above_title_cut": {"blocks", "metadata"},
}
#: Briefs of ``KNOWN`` that lose words of their content (a strict xfail of the content
#: rule below, so a fix must take them off this list).
LOSES_CONTENT: set[str] = {
    "tuned/paper_mill_essay_intro_toc_glued_page_numbers_blank_lines_no_body_headings_cut",
    # held-out set 59: the author's name on a site builder's byline bullet ("Writer's
    # pictureGeopolitics.Λsia", a Greek letter in the name) is dropped, not read as the author
    "held_out/wix_blog_weekly_report_letter_greeting_headingless_numbered_lists_cut",
}


def test_corpus_size() -> None:
    """At least 30 briefs in at least 15 shapes, and a held-out set of at least 5."""
    assert len(CASES) >= 30
    assert len({c.expected["shape"] for c in CASES}) >= 15
    assert sum(c.set == "held_out" for c in CASES) >= 5
    for case in CASES:
        assert set(case.expected) <= {"shape", "title", "meta", "outline", "prev", "next"} | {
            "chrome",
            "syntax",
        }
        for line in case.expected.get("chrome", []):
            assert line in case.text  # the chrome listed is a line of the fixture


@pytest.mark.parametrize("case", CASES, ids=[f"{c.set}/{c.name}" for c in CASES])
def test_brief_parses_exactly(case: text_corpus.Case) -> None:
    broken = text_corpus.parse_case(case)
    known = KNOWN.get(f"{case.set}/{case.name}")
    if known is not None:
        assert set(broken) == known, broken
        pytest.xfail(f"known: {', '.join(sorted(known))}")
    assert broken == {}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.set}/{c.name}" for c in CASES])
def test_no_content_lost_or_chrome_kept(case: text_corpus.Case) -> None:
    """The two rules that hold for every brief, known failures included."""
    broken = text_corpus.parse_case(case)
    if f"{case.set}/{case.name}" in LOSES_CONTENT:
        assert "content lost" in broken
        pytest.xfail(f"known: loses {broken['content lost']}")
    assert "content lost" not in broken, broken["content lost"]
    assert "chrome kept" not in broken or f"{case.set}/{case.name}" in KNOWN
