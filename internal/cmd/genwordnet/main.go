// Command genwordnet builds the compact WordNet table embedded by package
// internal/wordnet from a WordNet 3.0 database directory (Debian's
// wordnet-base installs one at /usr/share/wordnet).
//
//	go run ./internal/cmd/genwordnet [-dir /usr/share/wordnet] [-out internal/wordnet/wordnet.bin.gz]
//
// The table keeps lemma → synsets (in sense order), synset → hypernyms
// (nouns, verbs) or similar/also-see (adjectives), and the morphological
// exception lists; glosses and every other relation are left out.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// The four parts of speech, in table order.
var posNames = [4]string{"noun", "verb", "adj", "adv"}

func posIndex(c byte) int {
	switch c {
	case 'n':
		return 0
	case 'v':
		return 1
	case 'a', 's':
		return 2
	case 'r':
		return 3
	}
	return -1
}

type synset struct {
	pos    int
	offset int
	ptrs   []ptr
}

type ptr struct {
	pos    int
	offset int
}

func main() {
	dir := flag.String("dir", "/usr/share/wordnet", "WordNet database directory")
	out := flag.String("out", "internal/wordnet/wordnet.bin.gz", "output file")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		log.Fatal(err)
	}
}

func run(dir, out string) error {
	// Synsets, keyed by (pos, byte offset) and numbered densely in file order.
	var all []*synset
	ids := map[[2]int]int{}
	for p, name := range posNames {
		err := eachLine(filepath.Join(dir, "data."+name), func(line string) error {
			s, err := parseData(line, p)
			if err != nil {
				return fmt.Errorf("data.%s: %w", name, err)
			}
			ids[[2]int{p, s.offset}] = len(all)
			all = append(all, s)
			return nil
		})
		if err != nil {
			return err
		}
	}
	var counts [4]int
	for _, s := range all {
		counts[s.pos]++
	}

	// Lemmas → synsets per part of speech, in the index's sense order.
	lemmas := map[string]*[4][]int{}
	for p, name := range posNames {
		err := eachLine(filepath.Join(dir, "index."+name), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 6 {
				return fmt.Errorf("index.%s: short line %q", name, line)
			}
			nsyn, err := strconv.Atoi(f[2])
			if err != nil {
				return err
			}
			np, err := strconv.Atoi(f[3])
			if err != nil {
				return err
			}
			offs := f[4+np+2:]
			if len(offs) != nsyn {
				return fmt.Errorf("index.%s: %q: want %d offsets, have %d", name, f[0], nsyn, len(offs))
			}
			e := lemmas[f[0]]
			if e == nil {
				e = new([4][]int)
				lemmas[f[0]] = e
			}
			for _, o := range offs {
				off, err := strconv.Atoi(o)
				if err != nil {
					return err
				}
				id, ok := ids[[2]int{p, off}]
				if !ok {
					return fmt.Errorf("index.%s: %q: unknown synset %d", name, f[0], off)
				}
				e[p] = append(e[p], id)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}

	// Exceptions: inflected form → base forms, per part of speech.
	var exc [4][][2]string
	for p, name := range posNames {
		err := eachLine(filepath.Join(dir, name+".exc"), func(line string) error {
			f := strings.Fields(line)
			for _, base := range f[1:] {
				exc[p] = append(exc[p], [2]string{f[0], base})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}

	var buf bytes.Buffer
	buf.WriteString("PXWN1\n")
	for _, c := range counts {
		putUvarint(&buf, c)
	}
	for _, s := range all {
		var targets []int
		for _, p := range s.ptrs {
			if id, ok := ids[[2]int{p.pos, p.offset}]; ok {
				targets = append(targets, id)
			}
		}
		putUvarint(&buf, len(targets))
		for _, t := range targets {
			putUvarint(&buf, t)
		}
	}
	keys := make([]string, 0, len(lemmas))
	for k := range lemmas {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	putUvarint(&buf, len(keys))
	prev := ""
	for _, k := range keys {
		putFront(&buf, prev, k)
		prev = k
		e := lemmas[k]
		var mask byte
		for p := range 4 {
			if len(e[p]) > 0 {
				mask |= 1 << p
			}
		}
		buf.WriteByte(mask)
		for p := range 4 {
			if len(e[p]) == 0 {
				continue
			}
			putUvarint(&buf, len(e[p]))
			for _, id := range e[p] {
				putUvarint(&buf, id)
			}
		}
	}
	for p := range 4 {
		sort.Slice(exc[p], func(i, j int) bool {
			if exc[p][i][0] != exc[p][j][0] {
				return exc[p][i][0] < exc[p][j][0]
			}
			return exc[p][i][1] < exc[p][j][1]
		})
		putUvarint(&buf, len(exc[p]))
		prev := ""
		for _, e := range exc[p] {
			putFront(&buf, prev, e[0])
			prev = e[0]
			putUvarint(&buf, len(e[1]))
			buf.WriteString(e[1])
		}
	}

	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, z.Bytes(), 0o644); err != nil {
		return err
	}
	log.Printf("wrote %s: %d synsets, %d lemmas, %d bytes raw, %d gzipped", out, len(all), len(keys), buf.Len(), z.Len())
	return nil
}

// parseData reads one data.POS line: offset lex_filenum ss_type w_cnt
// words… p_cnt pointers… [frames] | gloss.
func parseData(line string, pos int) (*synset, error) {
	if i := strings.Index(line, " | "); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return nil, fmt.Errorf("short line %q", line)
	}
	off, err := strconv.Atoi(f[0])
	if err != nil {
		return nil, err
	}
	wc, err := strconv.ParseInt(f[3], 16, 32)
	if err != nil {
		return nil, err
	}
	i := 4 + 2*int(wc)
	if i >= len(f) {
		return nil, fmt.Errorf("synset %d: truncated", off)
	}
	pc, err := strconv.Atoi(f[i])
	if err != nil {
		return nil, err
	}
	i++
	s := &synset{pos: pos, offset: off}
	for k := 0; k < pc; k++ {
		if i+3 >= len(f) {
			return nil, fmt.Errorf("synset %d: truncated pointers", off)
		}
		sym, to, tpos := f[i], f[i+1], f[i+2]
		i += 4
		keep := false
		switch pos {
		case 0, 1:
			keep = sym == "@" || sym == "@i"
		case 2:
			keep = sym == "&" || sym == "^"
		}
		if !keep {
			continue
		}
		o, err := strconv.Atoi(to)
		if err != nil {
			return nil, err
		}
		tp := posIndex(tpos[0])
		if tp < 0 {
			return nil, fmt.Errorf("synset %d: pointer pos %q", off, tpos)
		}
		s.ptrs = append(s.ptrs, ptr{pos: tp, offset: o})
	}
	return s, nil
}

// eachLine calls fn for each line of the file, skipping the licence
// header (lines starting with a space) and blank lines.
func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if err := fn(line); err != nil {
			return err
		}
	}
	return sc.Err()
}

func putUvarint(b *bytes.Buffer, v int) {
	var tmp [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(tmp[:], uint64(v))
	b.Write(tmp[:n])
}

// putFront writes s front-coded against prev: shared prefix length,
// suffix length, suffix bytes.
func putFront(b *bytes.Buffer, prev, s string) {
	n := 0
	for n < len(prev) && n < len(s) && prev[n] == s[n] {
		n++
	}
	putUvarint(b, n)
	putUvarint(b, len(s)-n)
	b.WriteString(s[n:])
}
