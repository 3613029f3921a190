package main

import "fmt"

func get() int { return 1 }

func main() {
	p := &get()
	q := &5
	m := map[string]int{}
	r := &m["a"]
	fmt.Println(p, q, r)
}
// Errors:
// main.go:8:8: invalid operation: cannot take address of get() (value of type int)
// main.go:9:8: invalid operation: cannot take address of 5 (untyped int constant)
// main.go:11:8: invalid operation: cannot take address of m["a"] (map index expression of type int)
