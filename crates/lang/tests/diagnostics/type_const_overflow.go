package main

import "fmt"

func main() {
	var b byte = 256
	var i8 int8 = -129
	const big = 1 << 70
	var n int = big
	x := byte(300)
	fmt.Println(b, i8, n, x)
}
// Errors:
// main.go:6:15: cannot use 256 (untyped int constant) as byte value in variable declaration (overflows)
// main.go:7:16: cannot use -129 (untyped int constant) as int8 value in variable declaration (overflows)
// main.go:9:14: cannot use big (untyped int constant 1180591620717411303424) as int value in variable declaration (overflows)
// main.go:10:12: constant 300 overflows byte
