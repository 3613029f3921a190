package main

import "fmt"

func main() {
	n := 65
	s := string(n)
	var f float64 = 3
	t := string(f)
	b := []byte(42)
	fmt.Println(s, t, b)
}
// Errors:
// main.go:9:14: cannot convert f (variable of type float64) to type string
// main.go:10:14: cannot convert 42 (untyped int constant) to type []byte
