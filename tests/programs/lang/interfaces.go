// Language: interfaces are satisfied implicitly; an interface holding a nil pointer is not
// a nil interface.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }

func main() {
	shapes := []Shape{Rect{3, 4}, &Circle{1}}
	for _, s := range shapes {
		fmt.Printf("%T area=%.2f perimeter=%.2f\n", s, s.Area(), s.Perimeter())
	}
	var s Shape
	fmt.Println("zero interface is nil:", s == nil)
	var c *Circle
	s = c
	fmt.Println("holding a nil *Circle, is nil:", s == nil)
	var e interface{} = 42
	fmt.Println(e, e == 42)
}

// Output:
// main.Rect area=12.00 perimeter=14.00
// *main.Circle area=3.14 perimeter=6.28
// zero interface is nil: true
// holding a nil *Circle, is nil: false
// 42 true
