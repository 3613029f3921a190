package main

import "fmt"

type Point struct{ X, Y int }

func origin() Point { return Point{} }

func main() {
	m := map[string]Point{}
	m["a"].X = 1
	origin().Y = 2
	"s" = "t"
	fmt.Println(m)
}
// Errors:
// main.go:11:2: cannot assign to struct field m["a"].X in map
// main.go:12:2: cannot assign to origin().Y (neither addressable nor a map index expression)
// main.go:13:2: cannot assign to "s" (neither addressable nor a map index expression)
