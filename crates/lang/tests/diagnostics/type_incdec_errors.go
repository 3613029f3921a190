package main

func main() {
	s := "a"
	s++
	b := true
	b--
	const c = 1
	c++
}
// Errors:
// main.go:5:2: invalid operation: s++ (non-numeric type string)
// main.go:7:2: invalid operation: b-- (non-numeric type bool)
// main.go:9:2: cannot assign to c (neither addressable nor a map index expression)
