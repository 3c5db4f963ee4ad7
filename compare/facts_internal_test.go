package compare

import "testing"

func TestCompoundQuantity(t *testing.T) {
	for _, c := range []struct {
		name, in string
		v        float64
		unit     string
		ok       bool
	}{
		{"word number", "five-hour", 5, "hour", true},
		{"numeral", "30-day", 30, "day", true},
		{"spelled number", "twenty-five", 0, "", false},
		{"no number", "well-known", 0, "", false},
		{"range", "2019-2020", 0, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			v, u, ok := compoundQuantity(c.in)
			if ok != c.ok || v != c.v || u != c.unit {
				t.Errorf("compoundQuantity(%q) = %v, %q, %v; want %v, %q, %v", c.in, v, u, ok, c.v, c.unit, c.ok)
			}
		})
	}
}
