package main

import "fmt"

func pair() (int, string) { return 1, "a" }

func main() {
	a, b, c := pair()
	x, y := 1
	var p, q int = 1, 2, 3
	fmt.Println(a, b, c, x, y, p, q)
}
// Errors:
// main.go:8:13: assignment mismatch: 3 variables but pair returns 2 values
// main.go:9:10: assignment mismatch: 2 variables but 1 value
// main.go:10:23: extra init expr 3
