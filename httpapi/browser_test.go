package httpapi_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/parallax-news/parallax/httpapi"
)

var update = flag.Bool("update", false, "rewrite testdata/story.jpg")

// chromium finds a headless-capable browser, skipping the test when there
// is none (failing it when PARALLAX_REQUIRE_BROWSER=1).
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PARALLAX_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no chromium binary found (install Debian's chromium package or set PARALLAX_CHROMIUM); browser tests skipped"
	if os.Getenv("PARALLAX_REQUIRE_BROWSER") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browser starts a headless chromium for the test and returns a tab
// context, and a function listing the console and log messages seen.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	exe := chromium(t)
	// A profile directory of our own: chromium may still be writing to it
	// for a moment after it is told to quit, which t.TempDir would report.
	profile, err := os.MkdirTemp("", "parallax-chromium")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})

	var mu sync.Mutex
	var msgs []string
	chromedp.ListenTarget(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			msgs = append(msgs, fmt.Sprintf("console.%s", e.Type))
		case *runtime.EventExceptionThrown:
			msgs = append(msgs, "exception: "+e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			msgs = append(msgs, fmt.Sprintf("log %s: %s", e.Entry.Source, e.Entry.Text))
		}
	})
	if err := chromedp.Run(ctx, log.Enable()); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), msgs...)
	}
}

func TestBrowserStoryPage(t *testing.T) {
	ctx, _ := browser(t)
	db, stories := corpusStore(t)
	srv := httpapi.New(db, httpapi.Options{})
	base, _ := serve(t, srv, "127.0.0.1:0")
	id := stories["E1"]
	page, err := httpapi.BuildStoryPage(context.Background(), db, id)
	if err != nil {
		t.Fatal(err)
	}

	var rows, cols, carried, variants, diffs, dots int
	var cellColor, title string
	var shot []byte
	err = chromedp.Run(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/stories/%d", base, id)),
		chromedp.WaitVisible("table.matrix", chromedp.ByQuery),
		chromedp.Title(&title),
		chromedp.Evaluate(`document.querySelectorAll("table.matrix tbody tr").length`, &rows),
		chromedp.Evaluate(`document.querySelectorAll("table.matrix thead th.outlet-col").length`, &cols),
		chromedp.Evaluate(`document.querySelectorAll("table.matrix td.cell:not(.l-none)").length`, &carried),
		chromedp.Evaluate(`document.querySelectorAll("#statements [id^='v-']").length`, &variants),
		chromedp.Evaluate(`document.querySelectorAll(".variant .d-ins, .variant .d-del").length`, &diffs),
		chromedp.Evaluate(`document.querySelectorAll("svg.timeline circle").length`, &dots),
		// The stylesheet loads under the CSP: a carried cell is coloured.
		chromedp.Evaluate(`(() => { const c = document.querySelector("td.cell:not(.l-none)"); return c ? getComputedStyle(c).backgroundColor : "" })()`, &cellColor),
		chromedp.FullScreenshot(&shot, 70),
	)
	if err != nil {
		t.Fatal(err)
	}
	wantCarried, wantVariants, wantDiffs := 0, 0, 0
	for _, r := range page.Matrix.Rows {
		for _, c := range r.Cells {
			if c.Label != "" {
				wantCarried++
			}
		}
	}
	for _, s := range page.Statements {
		wantVariants += len(s.Variants)
		if len(s.Variants) < 2 {
			continue // listed compactly, without a diff
		}
		for _, v := range s.Variants {
			for _, op := range v.Diff {
				if op.Op != "=" {
					wantDiffs++
				}
			}
		}
	}
	if title != page.Story.Title {
		t.Errorf("title %q, want %q", title, page.Story.Title)
	}
	if rows != len(page.Matrix.Rows) || cols != len(page.Matrix.Outlets) || carried != wantCarried {
		t.Errorf("matrix renders %d rows × %d outlets with %d carried cells, want %d × %d with %d",
			rows, cols, carried, len(page.Matrix.Rows), len(page.Matrix.Outlets), wantCarried)
	}
	if variants != wantVariants || variants == 0 {
		t.Errorf("%d variants render, want %d", variants, wantVariants)
	}
	if diffs != wantDiffs {
		t.Errorf("%d highlighted diff runs, want %d", diffs, wantDiffs)
	}
	// One dot per outlet and day with an article.
	days := map[[2]string]bool{}
	for _, r := range page.Timeline {
		if r.Kind == "article" {
			days[[2]string{r.Date, r.Outlet}] = true
		}
	}
	if dots != len(days) || dots == 0 {
		t.Errorf("timeline draws %d dots for %d outlet-days", dots, len(days))
	}
	if cellColor == "" || cellColor == "rgba(0, 0, 0, 0)" {
		t.Errorf("matrix cell not styled (background %q): stylesheet blocked?", cellColor)
	}
	if len(shot) < 10000 {
		t.Fatalf("screenshot of %d bytes", len(shot))
	}
	golden := filepath.Join("testdata", "story.jpg")
	if _, err := os.Stat(golden); *update || os.IsNotExist(err) {
		if err := os.WriteFile(golden, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", golden, len(shot))
	}
}

func TestBrowserXSS(t *testing.T) {
	ctx, messages := browser(t)
	srv, story, art := hostileStore(t)
	base, _ := serve(t, srv, "127.0.0.1:0")
	pages := []string{
		fmt.Sprintf("/stories/%d", story), fmt.Sprintf("/articles/%d", art), "/", "/stories", "/articles", "/outlets",
		"/search?q=minister", "/outlets/Evil%20%3Cscript%3Ealert(1)%3C%2Fscript%3E%20Times",
	}
	for _, p := range pages {
		var pwned string
		var scripts, handlers int
		var text string
		err := chromedp.Run(ctx,
			chromedp.Navigate(base+p),
			chromedp.WaitReady("footer", chromedp.ByQuery),
			chromedp.Sleep(150*time.Millisecond), // let any onerror/onload fire
			chromedp.Evaluate(`String(document.body.dataset.pwned || "")`, &pwned),
			chromedp.Evaluate(`document.querySelectorAll("script").length`, &scripts),
			chromedp.Evaluate(`document.querySelectorAll("[onerror],[onload],[onclick],[onmouseover]").length`, &handlers),
			chromedp.Evaluate(`document.body.innerText`, &text),
		)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if pwned != "" {
			t.Errorf("%s: payload %q executed", p, pwned)
		}
		if scripts != 0 || handlers != 0 {
			t.Errorf("%s: %d script elements and %d event-handler attributes in the DOM", p, scripts, handlers)
		}
		if p == pages[0] && !strings.Contains(text, `<script>document.body.dataset.pwned="script"</script>`) {
			t.Errorf("%s: the payload is not shown as text", p)
		}
	}
	// Escaping, not the CSP, must stop the payloads: the browser never even
	// had an inline script or handler to refuse.
	for _, m := range messages() {
		if strings.Contains(m, "Content Security Policy") || strings.HasPrefix(m, "exception") || strings.HasPrefix(m, "console.") {
			t.Errorf("browser reported: %s", m)
		}
	}
}
