package eval

import (
	"fmt"
	"strings"
)

// ClusterScore is precision, recall and F1 of one clustering measure.
type ClusterScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// ClusterReport compares a predicted clustering with a gold one.
type ClusterReport struct {
	// Items counts the gold items scored; Missing those absent from pred
	// (each is scored as a singleton cluster of its own).
	Items        int `json:"items"`
	Missing      int `json:"missing"`
	GoldClusters int `json:"gold_clusters"`
	PredClusters int `json:"pred_clusters"`
	// Pair counts: item pairs clustered together in gold, in pred, in both.
	GoldPairs int64 `json:"gold_pairs"`
	PredPairs int64 `json:"pred_pairs"`
	BothPairs int64 `json:"both_pairs"`

	Pairwise ClusterScore `json:"pairwise"`
	BCubed   ClusterScore `json:"bcubed"`
}

// ScoreClusters scores pred against gold; both map an item to its cluster
// label. Items only in pred are ignored; items of gold missing from pred
// count as singletons.
func ScoreClusters(gold, pred map[string]string) ClusterReport {
	var r ClusterReport
	type cell struct{ g, p string }
	const single = "\x00singleton:"
	cells := map[cell]int{}
	gsize := map[string]int{}
	psize := map[string]int{}
	for item, g := range gold {
		p, ok := pred[item]
		if !ok {
			r.Missing++
			p = single + item
		}
		r.Items++
		cells[cell{g, p}]++
		gsize[g]++
		psize[p]++
	}
	r.GoldClusters, r.PredClusters = len(gsize), len(psize)
	if r.Items == 0 {
		return r
	}
	pairs := func(n int) int64 { return int64(n) * int64(n-1) / 2 }
	var bp, br float64
	for c, n := range cells {
		r.BothPairs += pairs(n)
		// Each of the n items of the cell shares n items with its gold and
		// pred clusters.
		bp += float64(n) * float64(n) / float64(psize[c.p])
		br += float64(n) * float64(n) / float64(gsize[c.g])
	}
	for _, n := range gsize {
		r.GoldPairs += pairs(n)
	}
	for _, n := range psize {
		r.PredPairs += pairs(n)
	}
	r.Pairwise = clusterPRF(clusterRatio(r.BothPairs, r.PredPairs), clusterRatio(r.BothPairs, r.GoldPairs))
	r.BCubed = clusterPRF(bp/float64(r.Items), br/float64(r.Items))
	return r
}

// clusterRatio is a/b, and 1 when b is 0: no pairs to get wrong.
func clusterRatio(a, b int64) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func clusterPRF(p, r float64) ClusterScore {
	s := ClusterScore{Precision: p, Recall: r}
	if p+r > 0 {
		s.F1 = 2 * p * r / (p + r)
	}
	return s
}

// Table renders the report as an aligned plain-text table.
func (r ClusterReport) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "items %d (missing %d)  gold clusters %d  pred clusters %d\n",
		r.Items, r.Missing, r.GoldClusters, r.PredClusters)
	fmt.Fprintf(&b, "%-9s %9s %9s %9s\n", "measure", "precision", "recall", "f1")
	for _, row := range []struct {
		name string
		s    ClusterScore
	}{{"pairwise", r.Pairwise}, {"bcubed", r.BCubed}} {
		fmt.Fprintf(&b, "%-9s %9.4f %9.4f %9.4f\n", row.name, row.s.Precision, row.s.Recall, row.s.F1)
	}
	fmt.Fprintf(&b, "pairs: gold %d  pred %d  both %d\n", r.GoldPairs, r.PredPairs, r.BothPairs)
	return b.String()
}
