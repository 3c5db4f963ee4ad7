// Package story groups articles into stories (one happening reported by
// several articles) and stories into storylines (happenings with the same
// main actors and subject, days or weeks apart), and reads each article's
// timeline of dated happenings.
//
// It sits after dedup in the corpus stages. Clustering is incremental: a
// new article joins the best story or opens one, found through an inverted
// index on its rarest terms and entities and scored against story
// centroids (TF-IDF body terms, entities, title terms) damped by the
// distance in days; nothing is re-clustered. Each article's Profile (its
// counted terms and entities) marshals to a blob so the store can rebuild
// the clusterer on start without re-analysing articles.
//
// Timeline resolves the temporal expressions of an article's sentences
// ("on Thursday", "last week", "January 10 to 13", "in the nineties")
// against its publication date and flags where the article contradicts
// itself; MergeTimeline groups the same dated happening across articles.
package story
