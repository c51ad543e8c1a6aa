"""MediaWiki's interface strings in the languages of its largest wikis, as chrome patterns
for :mod:`briefkit.syntax.chrome`."""

from __future__ import annotations

__all__ = ["WIKI_INTERFACE"]

#: The skip link, the site line under the title and a section's edit link alone on its
#: line ("[편집]").
WIKI_INTERFACE = (
    r"본문으로 이동|zum inhalt springen|aller au contenu|ir al contenido|vai al contenuto"
    r"|コンテンツにスキップ|跳转到内容|跳至內容|перейти к содержанию|naar inhoud springen"
    r"|przejdź do zawartości|pular para o conteúdo",
    r"위키백과, 우리 모두의 백과사전\.?|aus wikipedia, der freien enzyklopädie"
    r"|un article de wikipédia, l'encyclopédie libre\.?|de wikipedia, la enciclopedia libre"
    r"|da wikipedia, l'enciclopedia libera\.?|出典: フリー百科事典『ウィキペディア（wikipedia）』"
    r"|维基百科，自由的百科全书|материал из википедии — свободной энциклопедии"
    r"|uit wikipedia, de vrije encyclopedie|z wikipedii, wolnej encyklopedii"
    r"|origem: wikipédia, a enciclopédia livre\.?",
    r"\[ ?(?:edit(?: source)?|편집(?:하기)?|bearbeiten(?: \| quelltext bearbeiten)?"
    r"|modifier(?: \| modifier le code)?|editar(?: \| editar código(?:-fonte)?)?"
    r"|modifica(?: \| modifica wikitesto)?|編集|编辑|編輯|править(?: \| править код)?"
    r"|bewerken(?: \| brontekst bewerken)?|edytuj(?: \| edytuj kod)?) ?\]",
)
