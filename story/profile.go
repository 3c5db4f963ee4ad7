package story

import (
	"encoding/binary"
	"errors"
	"strings"
	"time"
)

// Doc is what clustering needs of one article.
type Doc struct {
	ID        int64
	Published time.Time // zero when unknown
	Title     string
	Text      string
	// Entities are entity keys (parallax.Entity.Key), one per entity or
	// one per mention; repeats weigh the entity more.
	Entities []string
	Outlet   string
}

// TermCount is a term and how often it occurs.
type TermCount struct {
	Term  string
	Count int
}

// Profile is an article reduced to what clustering compares: its content
// terms counted, its title terms and entities. It is what Features
// stores.
type Profile struct {
	ID         int64
	Published  time.Time
	Outlet     string
	Title      string
	Entities   []TermCount // by key, sorted
	TitleTerms []string    // title terms, distinct, sorted
	Terms      []TermCount // body terms, sorted by term
}

// maxTerms bounds the distinct body terms a profile keeps: the most
// frequent, and among equals the longest (longer words are rarer). top
// packs an index below it in 16 bits.
const maxTerms = 150

// Analyze reduces d to its profile. It is pure.
func Analyze(d Doc) *Profile {
	c := counters.Get().(*counter)
	defer c.release()
	c.count(d.Text)
	return &Profile{ID: d.ID, Published: published(d.Published), Outlet: d.Outlet, Title: strings.TrimSpace(d.Title),
		Entities: c.entities(d.Entities), TitleTerms: c.titleTerms(d.Title), Terms: c.top()}
}

// published is t as a profile keeps it, and its encoding stores it: whole
// seconds, in UTC, so that a profile clusters alike before and after a
// round trip through the store.
func published(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return time.Unix(t.Unix(), 0).UTC()
}

// Features returns the marshalled profile of d, for the store's features
// table (kind "story").
func Features(d Doc) []byte {
	b, _ := Analyze(d).MarshalBinary()
	return b
}

// LoadFeatures decodes a blob Features made; id overrides the stored id
// (the store knows the article by its own id).
func LoadFeatures(id int64, blob []byte) (*Profile, error) {
	p := new(Profile)
	if err := p.UnmarshalBinary(blob); err != nil {
		return nil, err
	}
	p.ID = id
	return p, nil
}

const profileVersion = 1

// MarshalBinary encodes the profile compactly: uvarints and length-prefixed strings.
func (p *Profile) MarshalBinary() ([]byte, error) {
	n := 32 + len(p.Outlet) + len(p.Title)
	for _, t := range p.Terms {
		n += len(t.Term) + 3
	}
	b := make([]byte, 0, n)
	b = append(b, profileVersion)
	b = binary.AppendVarint(b, p.ID)
	var day int64 = noDay
	if !p.Published.IsZero() {
		day = p.Published.Unix()
	}
	b = binary.AppendVarint(b, day)
	b = appendString(b, p.Outlet)
	b = appendString(b, p.Title)
	b = appendCounts(b, p.Entities)
	b = binary.AppendUvarint(b, uint64(len(p.TitleTerms)))
	for _, t := range p.TitleTerms {
		b = appendString(b, t)
	}
	b = appendCounts(b, p.Terms)
	return b, nil
}

const noDay = -1 << 62

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendCounts(b []byte, cs []TermCount) []byte {
	b = binary.AppendUvarint(b, uint64(len(cs)))
	for _, c := range cs {
		b = appendString(b, c.Term)
		b = binary.AppendUvarint(b, uint64(c.Count))
	}
	return b
}

var errProfile = errors.New("story: malformed features blob")

type reader struct {
	b   []byte
	err bool
}

func (r *reader) uvarint() uint64 {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = true
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *reader) varint() int64 {
	v, k := binary.Varint(r.b)
	if k <= 0 {
		r.err = true
		return 0
	}
	r.b = r.b[k:]
	return v
}

func (r *reader) str() string {
	n := r.uvarint()
	if r.err || n > uint64(len(r.b)) {
		r.err = true
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// count reads a list length, refusing one longer than the bytes left.
func (r *reader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err = true
		return 0
	}
	return int(n)
}

func (r *reader) counts() []TermCount {
	n := r.count()
	if n == 0 {
		return nil
	}
	cs := make([]TermCount, 0, n)
	for range n {
		if r.err {
			return nil
		}
		t := r.str()
		cs = append(cs, TermCount{t, int(r.uvarint())})
	}
	return cs
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (p *Profile) UnmarshalBinary(b []byte) error {
	if len(b) == 0 || b[0] != profileVersion {
		return errProfile
	}
	r := &reader{b: b[1:]}
	p.ID = r.varint()
	if day := r.varint(); day != noDay {
		p.Published = published(time.Unix(day, 0))
	} else {
		p.Published = time.Time{}
	}
	p.Outlet = r.str()
	p.Title = r.str()
	p.Entities = r.counts()
	n := r.count()
	p.TitleTerms = nil
	for range n {
		if r.err {
			break
		}
		p.TitleTerms = append(p.TitleTerms, r.str())
	}
	p.Terms = r.counts()
	if r.err || len(r.b) != 0 {
		return errProfile
	}
	return nil
}
