// Language: struct literals, comparison, anonymous structs, and pointers to structs.
package main

import "fmt"

type Point struct{ X, Y int }

type Line struct {
	From, To Point
	Label    string
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 2, X: 1}
	fmt.Println(p == q, p, &p)
	l := Line{From: p, To: Point{3, 4}}
	fmt.Printf("%v\n%+v\n", l, l)
	pp := &l.To
	pp.X = 30
	fmt.Println(l.To)
	anon := struct {
		Name string
		Tags []string
	}{"cfg", []string{"a", "b"}}
	fmt.Println(anon)
	var zero Line
	fmt.Printf("%+v %q\n", zero, zero.Label)
	points := map[Point]string{{0, 0}: "origin", {1, 2}: "p"}
	fmt.Println(points[Point{1, 2}], len(points))
}

// Output:
// true {1 2} &{1 2}
// {{1 2} {3 4} }
// {From:{X:1 Y:2} To:{X:3 Y:4} Label:}
// {30 4}
// {cfg [a b]}
// {From:{X:0 Y:0} To:{X:0 Y:0} Label:} ""
// p 2
