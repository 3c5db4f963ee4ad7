// Package textproc is the linguistic layer of the Parallax pipeline: it sits
// after clean (which finds the body paragraphs of Article.Raw) and before
// quote (which reads quotations and resolves their speakers through
// Doc.Resolve).
//
// For one article, Analyzer.Analyze
//
//   - tokenizes each paragraph with a hand-written scanner: words (with
//     internal apostrophes and hyphens, "U.S." as one token), numbers,
//     punctuation, and quotation marks of every style, each marked as
//     opening or closing;
//   - splits sentences, never across paragraphs, with the abbreviations,
//     frequent sentence starters and orthographic statistics of Punkt's
//     English model (github.com/neurosnap/sentences), applied by a fast
//     token-level splitter that also separates sentences glued without a
//     space ("concerns.Russian", "ignored.”Mr");
//   - finds named entities from capitalisation (common words capitalised at
//     a sentence start or in a title-case headline are not names), splits
//     titles and honorifics off names ("Russian President Vladimir Putin"),
//     types them from cues (honorifics and role words, speech verbs, a
//     gazetteer of countries, demonyms and cities, organisation words,
//     acronyms, "in/from <Name>"), and merges aliases per article (surnames,
//     honorific forms, acronyms and their expansions, country aliases);
//   - links nominal mentions ("the Russian leader", "the prime minister",
//     "the alliance") and he/she pronouns outside quotations to entities by
//     role, affiliation, gender and salience.
//
// Analyze is pure and safe for concurrent use; every span it returns is a
// byte range of the text it was given and lies inside one of its paragraphs.
package textproc
