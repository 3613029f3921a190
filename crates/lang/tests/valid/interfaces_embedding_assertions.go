package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	fmt.Stringer
	Shape
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) String() string     { return "rect " + strconv.FormatFloat(r.W, 'f', 1, 64) }

type Base struct{ ID int }

func (b *Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }

type Square struct {
	Base
	Rect
	label string
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return "code " + strconv.Itoa(e.Code) }

func find(code int) error {
	if code != 0 {
		return &MyErr{code}
	}
	return nil
}

func main() {
	var n Named = Rect{2, 3}
	fmt.Println(n, n.Area())
	sq := Square{Base{7}, Rect{1, 1}, "sq"}
	fmt.Println(sq.ID, sq.Describe(), sq.Area(), sq.W)
	var s Shape = sq
	if r, ok := s.(Rect); ok {
		fmt.Println("rect", r)
	}
	switch v := s.(type) {
	case nil:
		fmt.Println("nil")
	case Rect, *Rect:
		fmt.Println("some rect", v)
	case Square:
		fmt.Println("square", v.label)
	default:
		fmt.Println("other")
	}
	err := find(3)
	var me *MyErr
	if errors.As(err, &me) {
		fmt.Println(me.Code)
	}
	var x any = 3
	if i, ok := x.(int); ok {
		fmt.Println(i + 1)
	}
}
