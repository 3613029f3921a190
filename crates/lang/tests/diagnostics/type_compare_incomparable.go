package main

import "fmt"

func main() {
	a := []int{1}
	b := []int{1}
	fmt.Println(a == b)
	m := map[string]int{}
	fmt.Println(m == m)
	f := func() {}
	fmt.Println(f != nil, f == f)
}
// Errors:
// main.go:8:14: invalid operation: a == b (slice can only be compared to nil)
// main.go:10:14: invalid operation: m == m (map can only be compared to nil)
// main.go:12:24: invalid operation: f == f (func can only be compared to nil)
