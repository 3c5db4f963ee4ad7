package sqlite

import (
	"context"
	"database/sql"
	"strings"
)

// bulk buffers rows for one table and writes them with multi-row INSERTs,
// so a batch costs a statement per chunk rather than per row. Statements
// are prepared on the transaction once per chunk size.
type bulk struct {
	tx     *sql.Tx
	head   string // "INSERT INTO t(a, b) VALUES "
	tail   string // appended after the rows, e.g. " ON CONFLICT DO NOTHING"
	ncol   int
	row    string // "(?, ?)"
	stmts  map[int]*sql.Stmt
	args   []any
	nrows  int
	maxRow int
}

// chunks are the row counts a flush uses, largest first.
var chunks = [...]int{64, 16, 4, 1}

func newBulk(tx *sql.Tx, head, tail string, ncol int) *bulk {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", ncol), ", ") + ")"
	return &bulk{tx: tx, head: head, tail: tail, ncol: ncol, row: row,
		stmts: map[int]*sql.Stmt{}, maxRow: chunks[0]}
}

// add buffers one row of ncol values, writing a full chunk when it has one.
func (b *bulk) add(ctx context.Context, vals ...any) error {
	b.args = append(b.args, vals...)
	b.nrows++
	if b.nrows >= b.maxRow {
		return b.flush(ctx)
	}
	return nil
}

// flush writes every buffered row.
func (b *bulk) flush(ctx context.Context) error {
	args := b.args
	rows := b.nrows
	for rows > 0 {
		n := chunks[len(chunks)-1]
		for _, c := range chunks {
			if c <= rows {
				n = c
				break
			}
		}
		st, err := b.stmt(ctx, n)
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, args[:n*b.ncol]...); err != nil {
			return err
		}
		args = args[n*b.ncol:]
		rows -= n
	}
	clear(b.args)
	b.args = b.args[:0]
	b.nrows = 0
	return nil
}

func (b *bulk) stmt(ctx context.Context, n int) (*sql.Stmt, error) {
	if st := b.stmts[n]; st != nil {
		return st, nil
	}
	var q strings.Builder
	q.WriteString(b.head)
	for i := range n {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(b.row)
	}
	q.WriteString(b.tail)
	st, err := b.tx.PrepareContext(ctx, q.String())
	if err != nil {
		return nil, err
	}
	b.stmts[n] = st
	return st, nil
}

// close releases the prepared statements.
func (b *bulk) close() {
	for _, st := range b.stmts {
		st.Close()
	}
}
