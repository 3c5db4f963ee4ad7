package dedup_test

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	parallax "github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/dedup"
	"github.com/parallax-news/parallax/internal/testshared"
)

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// blogRepost re-posts the wire story under its own headline, trimmed of its
// last paragraphs, with readers' comments appended.
func blogRepost(wire string) string {
	paras := strings.Split(strings.TrimSpace(wire), "\n\n")
	body := paras[1 : len(paras)-3]
	return "Gates at last? Our council finally decides\n\nReposted from the wire service:\n\n" +
		strings.Join(body, "\n\n") +
		"\n\n14 comments\n\n" +
		"Jim from the quay says: about time too, my cellar has been a swimming pool every January since I moved here and the insurance letters get worse every year.\n\n" +
		"Anne replied: you say that now but wait until the bill lands on the business rates and the cafe on the corner closes because nobody can afford to run it.\n\n" +
		"Dave: the marsh birds were here before any of us, build the walls higher and leave the river alone, that is all I am going to say about it.\n\n" +
		"Liked by 5 people. Leave a reply. You are commenting using your account. Log out."
}

func TestAdd(t *testing.T) {
	wire := fixture(t, "wire.txt")
	unrelated := fixture(t, "unrelated.txt")
	reworded := strings.Replace(strings.Replace(wire, "voted 9 to 4", "voted nine to four", 1),
		"Harbour city council approves flood barrier after decade of delays", "Northport says yes to river gates", 1)
	reworded = strings.Replace(reworded, "retired fisherman", "former fisherman", 1)
	respaced := strings.ToUpper(strings.ReplaceAll(wire, "\n\n", "\n \n"))

	tests := []struct {
		name     string
		text     string
		want     parallax.DupKind // "" for no duplicate
		original int64
	}{
		{name: "wire story is first", text: wire},
		{name: "same topic, other article", text: unrelated},
		{name: "blog repost trimmed with comments", text: blogRepost(wire), want: parallax.DupSyndicated, original: 1},
		{name: "re-headlined and lightly edited", text: reworded, want: parallax.DupNear, original: 1},
		{name: "same words in other case and spacing", text: respaced, want: parallax.DupExact, original: 1},
		{name: "copy of the other article links to it", text: "\n" + unrelated, want: parallax.DupExact, original: 2},
		{name: "empty body", text: " … — "},
		{name: "short text", text: "Northport city council voted on Tuesday."},
	}
	x := dedup.NewIndex(dedup.Options{})
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := int64(i + 1)
			d, ok := x.Add(id, x.Signature(tc.text))
			if tc.want == "" {
				if ok {
					t.Fatalf("unexpected duplicate %+v", d)
				}
				return
			}
			if !ok {
				t.Fatalf("no duplicate found, want %s of %d", tc.want, tc.original)
			}
			if d.Kind != tc.want || d.Original != tc.original || d.Article != id {
				t.Errorf("got %+v, want %s of %d", d, tc.want, tc.original)
			}
			if d.Similarity <= 0 || d.Similarity > 1 {
				t.Errorf("similarity %v out of range", d.Similarity)
			}
		})
	}
	if n := x.Len(); n != len(tests)-1 { // the empty body is not indexed
		t.Errorf("Len = %d", n)
	}
}

func TestSimilarity(t *testing.T) {
	x := dedup.NewIndex(dedup.Options{})
	wire, blog := x.Signature(fixture(t, "wire.txt")), x.Signature(blogRepost(fixture(t, "wire.txt")))
	other := x.Signature(fixture(t, "unrelated.txt"))
	tests := []struct {
		name     string
		a, b     dedup.Signature
		jLo, jHi float64
		cLo, cHi float64
	}{
		{name: "self", a: wire, b: wire, jLo: 1, jHi: 1, cLo: 1, cHi: 1},
		{name: "repost", a: wire, b: blog, jLo: 0.4, jHi: 0.75, cLo: 0.6, cHi: 0.95},
		{name: "unrelated", a: wire, b: other, jLo: 0, jHi: 0.05, cLo: 0, cHi: 0.1},
		{name: "empty", a: wire, b: dedup.Signature{}, jLo: 0, jHi: 0, cLo: 0, cHi: 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			j, c := dedup.Similarity(tc.a, tc.b)
			if j < tc.jLo || j > tc.jHi || c < tc.cLo || c > tc.cHi {
				t.Errorf("jaccard %.3f containment %.3f, want [%v,%v] [%v,%v]", j, c, tc.jLo, tc.jHi, tc.cLo, tc.cHi)
			}
		})
	}
}

func TestSignatureDeterministic(t *testing.T) {
	text := fixture(t, "wire.txt")
	a := dedup.NewIndex(dedup.Options{}).Signature(text)
	b := dedup.NewIndex(dedup.Options{}).Signature(text)
	if j, _ := dedup.Similarity(a, b); j != 1 || a.Exact != b.Exact {
		t.Errorf("two indexes sketch the same text differently (jaccard %v)", j)
	}
	c := dedup.NewIndex(dedup.Options{Seed: 7}).Signature(text)
	if j, _ := dedup.Similarity(a, c); j > 0.2 {
		t.Errorf("another seed gives the same hashes (jaccard %v)", j)
	}
}

// TestSignatureStable pins signatures to those of the first release:
// stored signatures must stay comparable with new ones.
func TestSignatureStable(t *testing.T) {
	x := dedup.NewIndex(dedup.Options{})
	for _, tc := range []struct{ name, text, sum string }{
		{"wire", fixture(t, "wire.txt"), "b0776d47d6358a1bc89bde278e92c57c87f6977d2115ecdbaf03642fd30c7c8e"},
		{"unrelated", fixture(t, "unrelated.txt"), "b337d24c58c56b6a71551b01326c41f7debd03c62235de943458b8871f092c04"},
		{"repost", blogRepost(fixture(t, "wire.txt")), "0eb9d3168d63fb5af66ea62c47af8ba4aadb857a07ebcb1bcf71a087cfaff11c"},
	} {
		b, _ := x.Signature(tc.text).MarshalBinary()
		if sum := fmt.Sprintf("%x", sha256.Sum256(b)); sum != tc.sum {
			t.Errorf("%s: signature sha256 %s, want %s", tc.name, sum, tc.sum)
		}
	}
}

func TestMarshal(t *testing.T) {
	x := dedup.NewIndex(dedup.Options{})
	s := x.Signature(fixture(t, "wire.txt"))
	b, err := s.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var u dedup.Signature
	if err := u.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if u.Exact != s.Exact || u.Shingles != s.Shingles || len(u.Mins) != len(s.Mins) {
		t.Fatalf("round trip: %+v", u)
	}
	if j, _ := dedup.Similarity(s, u); j != 1 {
		t.Errorf("round trip jaccard %v", j)
	}
	for _, bad := range [][]byte{nil, {9}, b[:len(b)-1], append(append([]byte{}, b...), 0)} {
		if err := new(dedup.Signature).UnmarshalBinary(bad); err == nil {
			t.Errorf("accepted %d bytes", len(bad))
		}
	}
}

func FuzzSignature(f *testing.F) {
	f.Add("The council voted on Tuesday.")
	f.Add("Über-Ärger: naïve café ’quotes’ don't break\xff words")
	x := dedup.NewIndex(dedup.Options{})
	f.Fuzz(func(t *testing.T, s string) {
		sig := x.Signature(s)
		if len(sig.Mins) != x.Options().Hashes {
			t.Fatalf("%d mins", len(sig.Mins))
		}
		again := x.Signature(s)
		if j, _ := dedup.Similarity(sig, again); sig.Shingles > 0 && j != 1 {
			t.Fatalf("not deterministic")
		}
		b, _ := sig.MarshalBinary()
		var u dedup.Signature
		if err := u.UnmarshalBinary(b); err != nil || u.Exact != sig.Exact {
			t.Fatalf("round trip: %v", err)
		}
	})
}

func BenchmarkSignature(b *testing.B) {
	text := fixture(b, "wire.txt")
	x := dedup.NewIndex(dedup.Options{})
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		x.Signature(text)
	}
}

// BenchmarkSignatureArticles signs the PolNeAR dev articles in turn.
func BenchmarkSignatureArticles(b *testing.B) {
	dir := testshared.Path(b, "eval", "polnear", "dev", "text")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	size := 0
	for _, e := range ents {
		t, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	x := dedup.NewIndex(dedup.Options{})
	b.ReportAllocs()
	b.SetBytes(int64(size / len(texts)))
	i := 0
	for b.Loop() {
		x.Signature(texts[i%len(texts)])
		i++
	}
}

// BenchmarkAdd adds 100,000 synthetic signatures, a tenth of them noisy
// copies of earlier ones, and reports the cost per Add.
func BenchmarkAdd(b *testing.B) {
	const n = 100_000
	opt := dedup.NewIndex(dedup.Options{}).Options()
	r := rand.New(rand.NewPCG(1, 2))
	sigs := make([]dedup.Signature, n)
	for i := range sigs {
		s := dedup.Signature{Exact: r.Uint64(), Shingles: 300 + r.Uint32N(500), Mins: make([]uint32, opt.Hashes)}
		if i > 0 && i%10 == 0 {
			src := sigs[r.IntN(i)]
			copy(s.Mins, src.Mins)
			for k := range s.Mins {
				if r.IntN(10) == 0 {
					s.Mins[k] = r.Uint32()
				}
			}
		} else {
			for k := range s.Mins {
				s.Mins[k] = r.Uint32()
			}
		}
		sigs[i] = s
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	b.ReportAllocs()
	b.ResetTimer()
	dups := 0
	var live uint64
	for range b.N {
		x := dedup.NewIndex(dedup.Options{})
		for i, s := range sigs {
			if _, ok := x.Add(int64(i+1), s); ok {
				dups++
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		live = ms.HeapAlloc - before
		runtime.KeepAlive(x)
	}
	b.ReportMetric(float64(live)/(1<<20), "index-MiB")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/add")
	b.ReportMetric(float64(dups)/float64(b.N), "dups")
}
