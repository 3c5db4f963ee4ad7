package eval_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/eval"
)

func TestScoreClusters(t *testing.T) {
	tests := []struct {
		name             string
		gold, pred       map[string]string
		pp, pr, bp, br   float64
		missing, gc, pc  int
		goldP, predP, bo int64
	}{
		{
			name: "perfect",
			gold: map[string]string{"a": "1", "b": "1", "c": "2"},
			pred: map[string]string{"a": "x", "b": "x", "c": "y"},
			pp:   1, pr: 1, bp: 1, br: 1, gc: 2, pc: 2, goldP: 1, predP: 1, bo: 1,
		},
		{
			// gold {a b c}{d e}; pred {a b}{c d e}
			name: "one item misplaced",
			gold: map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"},
			pred: map[string]string{"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Y"},
			pp:   0.5, pr: 0.5, bp: 11.0 / 15, br: 11.0 / 15, gc: 2, pc: 2, goldP: 4, predP: 4, bo: 2,
		},
		{
			name: "all merged",
			gold: map[string]string{"a": "1", "b": "1", "c": "2", "d": "2"},
			pred: map[string]string{"a": "X", "b": "X", "c": "X", "d": "X"},
			pp:   1.0 / 3, pr: 1, bp: 0.5, br: 1, gc: 2, pc: 1, goldP: 2, predP: 6, bo: 2,
		},
		{
			name: "all split",
			gold: map[string]string{"a": "1", "b": "1"},
			pred: map[string]string{"a": "x", "b": "y"},
			pp:   1, pr: 0, bp: 1, br: 0.5, gc: 1, pc: 2, goldP: 1,
		},
		{
			name: "missing item is a singleton; extra pred items ignored",
			gold: map[string]string{"a": "1", "b": "1"},
			pred: map[string]string{"a": "x", "z": "x"},
			pp:   1, pr: 0, bp: 1, br: 0.5, missing: 1, gc: 1, pc: 2, goldP: 1,
		},
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := eval.ScoreClusters(tc.gold, tc.pred)
			if !near(r.Pairwise.Precision, tc.pp) || !near(r.Pairwise.Recall, tc.pr) {
				t.Errorf("pairwise P/R = %v/%v, want %v/%v", r.Pairwise.Precision, r.Pairwise.Recall, tc.pp, tc.pr)
			}
			if !near(r.BCubed.Precision, tc.bp) || !near(r.BCubed.Recall, tc.br) {
				t.Errorf("bcubed P/R = %v/%v, want %v/%v", r.BCubed.Precision, r.BCubed.Recall, tc.bp, tc.br)
			}
			wantF := func(p, r float64) float64 {
				if p+r == 0 {
					return 0
				}
				return 2 * p * r / (p + r)
			}
			if !near(r.Pairwise.F1, wantF(tc.pp, tc.pr)) || !near(r.BCubed.F1, wantF(tc.bp, tc.br)) {
				t.Errorf("F1 pairwise %v bcubed %v", r.Pairwise.F1, r.BCubed.F1)
			}
			if r.Items != len(tc.gold) || r.Missing != tc.missing || r.GoldClusters != tc.gc || r.PredClusters != tc.pc {
				t.Errorf("counts = %+v", r)
			}
			if r.GoldPairs != tc.goldP || r.PredPairs != tc.predP || r.BothPairs != tc.bo {
				t.Errorf("pairs gold %d pred %d both %d, want %d %d %d", r.GoldPairs, r.PredPairs, r.BothPairs, tc.goldP, tc.predP, tc.bo)
			}
		})
	}
}

func TestClusterReportOutput(t *testing.T) {
	r := eval.ScoreClusters(map[string]string{"a": "1", "b": "1"}, map[string]string{"a": "x", "b": "x"})
	tab := r.Table()
	for _, want := range []string{"pairwise", "bcubed", "1.0000"} {
		if !strings.Contains(tab, want) {
			t.Errorf("table lacks %q:\n%s", want, tab)
		}
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"pairwise":{"precision":1`, `"bcubed":`, `"gold_pairs":1`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("json lacks %q: %s", want, b)
		}
	}
	if z := eval.ScoreClusters(nil, nil); z.Items != 0 || z.Pairwise.F1 != 0 {
		t.Errorf("empty = %+v", z)
	}
}
