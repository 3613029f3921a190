package main

import "fmt"

type P struct {
	Name string
	Age  int
}

func main() {
	a := P{"bob"}
	b := P{Name: "x", Agee: 3}
	c := P{"a", 1, 2}
	d := P{Name: "x", 3}
	fmt.Println(a, b, c, d)
}
// Errors:
// main.go:11:14: too few values in struct literal of type P
// main.go:12:20: unknown field Agee in struct literal of type P
// main.go:13:17: too many values in struct literal of type P
// main.go:14:20: mixture of field:value and value elements in struct literal
