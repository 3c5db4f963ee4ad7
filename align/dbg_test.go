package align_test
import ("testing";"time";"syscall";"github.com/parallax-news/parallax/align")
func cpu() time.Duration { var r syscall.Rusage; syscall.Getrusage(0,&r); return time.Duration(r.Utime.Nano()+r.Stime.Nano()) }
func TestDbgTime(t *testing.T){
	items := polnearItems(t, 1000)
	a := align.New(align.Options{})
	a.Align(items)
	for k:=0;k<6;k++{
	t0 := cpu()
	sts := a.Align(items)
	sim0:=align.DbgSim; _=sim0; t.Logf("sim %d cand %d units %d", align.DbgSim, align.DbgCand, align.DbgUnits); align.DbgSim, align.DbgCand = 0, 0; t.Logf("%d items, %d statements, cpu %v", len(items), len(sts), cpu()-t0)
	}
}
