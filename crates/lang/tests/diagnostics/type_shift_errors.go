package main

import "fmt"

func main() {
	x := 1.5
	fmt.Println(x << 2)
	s := 3
	var f float64 = 1 << s
	fmt.Println(f, 1<<-1)
}
// Errors:
// main.go:7:14: invalid operation: shifted operand x (variable of type float64) must be integer
// main.go:9:18: invalid operation: shifted operand 1 (type float64) must be integer
// main.go:10:20: invalid operation: negative shift count -1 (untyped int constant)
