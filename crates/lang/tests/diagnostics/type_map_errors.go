package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "a": 2}
	var k []int
	n := map[[]int]bool{}
	delete(m, 1)
	fmt.Println(m, k, n)
}
// Errors:
// main.go:6:30: duplicate key "a" in map literal
// main.go:8:11: invalid map key type []int
// main.go:9:12: cannot use 1 (untyped int constant) as string value in argument to delete
