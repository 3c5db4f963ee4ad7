package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/internal/testshared"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/sqlite"
)

func openDB(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// writeCorpus writes n small articles, two events a month apart.
func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		day := 3 + i%2*30
		body := fmt.Sprintf("Harbor council votes on flood barrier %d\n\nMarch %d, 2024\n\n"+
			"LOWER HARBOR — The harbor council voted on Tuesday to fund the flood barrier, after a debate that lasted %d hours and %d minutes.\n\n"+
			"\"We cannot wait for the next storm,\" Mayor Elena Varga told reporters after the vote.\n\n"+
			"Councillor Tomas Brenner said the barrier was a monument to waste and that the money should go to housing.\n",
			i, day%31+1, 2+i%3, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRunOrderResumeAndStories(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 40)
	path := filepath.Join(t.TempDir(), "p.db")
	ctx := context.Background()

	run := func() pipeline.Summary {
		db := openDB(t, path)
		corpus, err := pipeline.OpenCorpus(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(),
			Options: pipeline.Options{Workers: 4, BatchSize: 7, AfterSave: corpus.Add}}
		sum, err := r.Run(ctx, []string{dir})
		if err != nil {
			t.Fatal(err)
		}
		if err := corpus.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return sum
	}
	first := run()
	if first.Records != 40 || first.Stored != 40 || first.Failed != 0 {
		t.Fatalf("first run: %+v", first)
	}
	db := openDB(t, path)
	// Ids follow input order although four workers analysed out of order.
	var sources []string
	if err := db.Articles(ctx, parallax.ArticleFilter{}, func(a *parallax.Article) error {
		sources = append(sources, filepath.Base(a.Source))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i, s := range sources {
		if want := fmt.Sprintf("a%03d.txt", i); s != want {
			t.Fatalf("article %d is %s, want %s: input order lost", i+1, s, want)
		}
	}
	var stories []*parallax.Story
	if err := db.Stories(ctx, parallax.StoryFilter{}, func(s *parallax.Story) error {
		stories = append(stories, s)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(stories) == 0 {
		t.Fatal("no stories saved")
	}
	for _, s := range stories {
		if !s.Stale {
			t.Errorf("story %d: statements not marked stale before alignment", s.ID)
		}
	}
	// Statements are aligned on demand, and the stale mark goes.
	st := pipeline.NewStatements(db)
	if err := st.All(ctx); err != nil {
		t.Fatal(err)
	}
	n := 0
	if err := db.Statements(ctx, parallax.StatementFilter{}, func(s *parallax.Statement) error {
		n++
		if len(s.Quotes) == 0 {
			t.Errorf("statement %d has no quotes", s.ID)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no statements aligned")
	}
	if err := db.Stories(ctx, parallax.StoryFilter{Stale: true}, func(s *parallax.Story) error {
		t.Errorf("story %d still stale after All", s.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// A second run finds everything stored and changes nothing.
	second := run()
	if second.Unchanged != 40 || second.Stored != 0 {
		t.Errorf("second run: %+v, want 40 unchanged", second)
	}
}

func TestRunCancelKeepsWholeBatches(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 60)
	path := filepath.Join(t.TempDir(), "p.db")
	db := openDB(t, path)
	ctx, cancel := context.WithCancel(context.Background())
	saved := 0
	whole := map[int]bool{} // articles stored after each save
	r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(), Options: pipeline.Options{
		BatchSize: 10,
		Progress:  func(s pipeline.Summary) { whole[s.Stored] = true },
		AfterSave: func(_ context.Context, b []*parallax.Analysis, _ []parallax.SaveResult) error {
			saved += len(b)
			if saved >= 20 {
				cancel()
			}
			return nil
		},
	}}
	if _, err := r.Run(ctx, []string{dir}); err == nil {
		t.Fatal("a cancelled run returned no error")
	}
	st, err := db.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !whole[st.Articles] || st.Articles < 20 {
		t.Errorf("%d articles stored after cancel, want whole batches (≥ 20), stored after each: %v", st.Articles, whole)
	}
	// Resuming stores the rest.
	r.Options.AfterSave = nil
	sum, err := r.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Unchanged != st.Articles || sum.Stored != 60-st.Articles {
		t.Errorf("resume: %+v after %d stored", sum, st.Articles)
	}
}

func TestRunRecordErrors(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 3)
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("broken \xff\xfe text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := openDB(t, filepath.Join(t.TempDir(), "p.db"))
	var failed []string
	r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(), Options: pipeline.Options{
		OnError: func(e *parallax.RecordError) { failed = append(failed, e.Error()) },
	}}
	sum, err := r.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || sum.Stored != 3 || len(failed) != 1 || !strings.Contains(failed[0], "bad.txt") {
		t.Errorf("summary %+v, errors %q; want bad.txt failed and 3 stored", sum, failed)
	}
}

// BenchmarkAnalyze measures the per-article stages (clean, language,
// quotes, corpus features) on PolNeAR articles, without storage.
func BenchmarkAnalyze(b *testing.B) {
	dir := testshared.Path(b, "eval", "polnear", "dev", "text")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var recs []*parallax.Record
	size := 0
	for _, e := range ents {
		t, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, &parallax.Record{Source: e.Name(), Format: "text", Text: string(t)})
		size += len(t)
	}
	an := pipeline.NewAnalyzer()
	b.SetBytes(int64(size / len(recs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if _, err := an.Analyze(recs[i%len(recs)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// refusing is a store that refuses any batch holding one source.
type refusing struct {
	*sqlite.DB
	bad string
}

func (s refusing) Save(ctx context.Context, as []*parallax.Analysis) ([]parallax.SaveResult, error) {
	for _, a := range as {
		if strings.HasSuffix(a.Article.Source, s.bad) {
			return nil, fmt.Errorf("refused %s", s.bad)
		}
	}
	return s.DB.Save(ctx, as)
}

func TestRunStoreRefusesOneRecord(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 12)
	db := openDB(t, filepath.Join(t.TempDir(), "p.db"))
	r := &pipeline.Runner{Store: refusing{db, "a005.txt"}, Analyzer: pipeline.NewAnalyzer(),
		Options: pipeline.Options{BatchSize: 5}}
	sum, err := r.Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || sum.Stored != 11 || len(sum.Errors) != 1 || !strings.Contains(sum.Errors[0], "a005.txt: store:") {
		t.Errorf("summary %+v; want a005.txt failed at the store and the 11 others stored", sum)
	}
}

// Duplicates found in a run are saved at Flush; a run that stops before
// it leaves them to the next OpenCorpus, which finds them again.
func TestDuplicatesSurviveInterruptedRun(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 12)
	ctx := context.Background()
	dups := func(db *sqlite.DB) []parallax.Duplicate {
		var ds []parallax.Duplicate
		if err := db.Duplicates(ctx, func(d parallax.Duplicate) error { ds = append(ds, d); return nil }); err != nil {
			t.Fatal(err)
		}
		return ds
	}
	run := func(path string, flush bool) {
		db := openDB(t, path)
		corpus, err := pipeline.OpenCorpus(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(),
			Options: pipeline.Options{Workers: 2, BatchSize: 5, AfterSave: corpus.Add}}
		if _, err := r.Run(ctx, []string{dir}); err != nil {
			t.Fatal(err)
		}
		if got := dups(db); len(got) != 0 {
			t.Errorf("duplicates saved before Flush: %v", got)
		}
		if flush {
			if err := corpus.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
	}

	whole := filepath.Join(t.TempDir(), "whole.db")
	run(whole, true)
	want := dups(openDB(t, whole))
	if len(want) == 0 {
		t.Fatal("no duplicates among near-identical articles")
	}

	cut := filepath.Join(t.TempDir(), "cut.db")
	run(cut, false)
	db := openDB(t, cut)
	corpus, err := pipeline.OpenCorpus(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := corpus.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := dups(db); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after reopening: duplicates %v, want %v", got, want)
	}
	// Once saved, they are not found again.
	db.Close()
	db = openDB(t, cut)
	corpus, err = pipeline.OpenCorpus(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := corpus.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := dups(db); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after a second reopen: duplicates %v, want %v", got, want)
	}
}

// BenchmarkRun measures the whole run as analyze makes it (read, the
// per-article stages, the store, the corpus hook, stories) over the PolNeAR
// train texts into a new database per iteration. Batches are full ones
// only, so instruction counts repeat from run to run.
func BenchmarkRun(b *testing.B) {
	dir := testshared.Path(b, "eval", "polnear", "train", "text")
	ctx := context.Background()
	n := 0
	for i := range b.N {
		b.StopTimer()
		db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("run%d.db", i)), sqlite.Options{})
		if err != nil {
			b.Fatal(err)
		}
		corpus, err := pipeline.OpenCorpus(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(),
			Options: pipeline.Options{FlushEvery: time.Hour, AfterSave: corpus.Add}}
		b.StartTimer()
		sum, err := r.Run(ctx, []string{dir})
		if err != nil {
			b.Fatal(err)
		}
		if err := corpus.Flush(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		n += sum.Records
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// runStdin runs a Runner with opt over standard input, which the test
// writes to pw, into store; saved has the Summary of every save, and ran
// the error Run returns.
func runStdin(t *testing.T, store parallax.Store, opt pipeline.Options) (pw *io.PipeWriter, saved chan pipeline.Summary, ran chan error) {
	pr, pw := io.Pipe()
	saved = make(chan pipeline.Summary, 16)
	opt.Progress = func(s pipeline.Summary) { saved <- s }
	r := &pipeline.Runner{Store: store, Analyzer: pipeline.NewAnalyzer(), Options: opt}
	r.Options.Ingest.Stdin = pr
	ran = make(chan error, 1)
	go func() {
		_, err := r.Run(context.Background(), []string{"-"})
		ran <- err
	}()
	return pw, saved, ran
}

// A partial batch is saved FlushEvery after its first record, while the
// input is still open.
func TestPartialBatchWaitsFlushEvery(t *testing.T) {
	pw, saved, ran := runStdin(t, openDB(t, filepath.Join(t.TempDir(), "p.db")), pipeline.Options{FlushEvery: 50 * time.Millisecond})
	// One short record: the reader tells the format from its first bytes,
	// without waiting for more input.
	body := "Harbor council votes on flood barrier\\n\\n" + strings.Repeat("\\\"We cannot wait for the next storm,\\\" Mayor Elena Varga told reporters after the vote on Tuesday. ", 3)
	rec := `{"id": "1", "outlet": "Coastal Wire", "text": "` + body + `"}` + "\n"
	if _, err := io.WriteString(pw, rec); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-saved:
		if s.Stored != 1 {
			t.Errorf("first save: %+v, want 1 stored", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a partial batch was not saved while the input stayed open")
	}
	pw.Close()
	if err := <-ran; err != nil {
		t.Fatal(err)
	}
}

// slowStore saves like its DB, its first saves after a pause: a writer
// slower than the workers.
type slowStore struct {
	*sqlite.DB
	pauses []time.Duration
}

func (s *slowStore) Save(ctx context.Context, as []*parallax.Analysis) ([]parallax.SaveResult, error) {
	if len(s.pauses) > 0 {
		time.Sleep(s.pauses[0])
		s.pauses = s.pauses[1:]
	}
	return s.DB.Save(ctx, as)
}

// A writer slower than the workers that has caught up with them saves
// half a batch (64 records or more) at once rather than idle until the
// batch fills; one waiting for the workers does not.
func TestCaughtUpWriterSaves(t *testing.T) {
	db := openDB(t, filepath.Join(t.TempDir(), "p.db"))
	// The pauses are long enough for the workers to finish what was
	// written, even on a loaded machine.
	pw, saved, ran := runStdin(t, &slowStore{db, []time.Duration{time.Second, time.Second}}, pipeline.Options{BatchSize: 256, FlushEvery: time.Hour})
	n := 0
	write := func(k int) {
		for range k {
			n++
			body := fmt.Sprintf("Harbor council vote number %d\\n\\nThe council voted %d times on the flood barrier, Mayor Elena Varga told reporters.", n, n)
			if _, err := fmt.Fprintf(pw, "{\"id\": \"%d\", \"outlet\": \"Coastal Wire\", \"text\": \"%s\"}\n", n, body); err != nil {
				t.Fatal(err)
			}
		}
	}
	// next returns the stored count of the next save.
	next := func(within time.Duration) (int, bool) {
		select {
		case s := <-saved:
			return s.Stored, true
		case <-time.After(within):
			return 0, false
		}
	}
	// Batches of 32 and 64, the next of 128; the workers finish the rest
	// while the writer pauses, so it is bound and saves the 70 at once.
	write(32 + 64 + 70)
	for _, want := range []int{32, 96, 166} {
		if got, ok := next(10 * time.Second); !ok || got != want {
			t.Fatalf("save stored %d (saved: %v), want %d", got, ok, want)
		}
	}
	// Now the writer waits for the workers: 130 more, over half the batch
	// of 256, wait for it to fill.
	write(130)
	if got, ok := next(time.Second); ok {
		t.Fatalf("a writer waiting for the workers saved %d records early", got)
	}
	pw.Close()
	if got, ok := next(10 * time.Second); !ok || got != 296 {
		t.Fatalf("the last save stored %d (saved: %v), want 296", got, ok)
	}
	if err := <-ran; err != nil {
		t.Fatal(err)
	}
}

// Batches start at an eighth of BatchSize and double up to it, so the
// first save does not wait for a whole batch.
func TestBatchesGrow(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 100)
	db := openDB(t, filepath.Join(t.TempDir(), "p.db"))
	var sizes []int
	r := &pipeline.Runner{Store: db, Analyzer: pipeline.NewAnalyzer(), Options: pipeline.Options{
		BatchSize:  16,
		FlushEvery: time.Hour,
		AfterSave: func(_ context.Context, b []*parallax.Analysis, _ []parallax.SaveResult) error {
			sizes = append(sizes, len(b))
			return nil
		},
	}}
	if _, err := r.Run(context.Background(), []string{dir}); err != nil {
		t.Fatal(err)
	}
	if want := []int{2, 4, 8, 16, 16, 16, 16, 16, 6}; !slices.Equal(sizes, want) {
		t.Errorf("batch sizes %v, want %v", sizes, want)
	}
}

// A headline that attributes is a quote of the article, its span in the
// record's text, its speaker resolved by the story under it.
func TestHeadlineQuote(t *testing.T) {
	text := "Varsh says Pelsor misled Morvania over the dam\n\n" +
		"DRAVSK — Prime Minister Ilena Varsh said on Monday that the Kingdom of Pelsor had broken the river accord.\n\n" +
		"The reservoir has been filling for nine days, officials in Dravsk said.\n"
	an, err := pipeline.NewAnalyzer().Analyze(&parallax.Record{Source: "h.txt", Format: "text", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	title := an.Article.TitleSpan
	for _, q := range an.Quotes {
		if q.Span.Start >= title.Start && q.Span.End <= title.End {
			if q.Text != text[q.Span.Start:q.Span.End] || q.Cue != "says" || q.Speaker.Name != "Ilena Varsh" {
				t.Errorf("headline quote %q cue %q speaker %q (%q)", q.Text, q.Cue, q.Speaker.Name, q.Speaker.Mention)
			}
			return
		}
	}
	t.Errorf("no quote in the headline %q: %+v", title.In(text), an.Quotes)
}
