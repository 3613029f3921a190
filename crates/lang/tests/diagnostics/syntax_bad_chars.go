package main

import "fmt"

func main() {
	x := 5 @ 3
	y := 0x
	fmt.Println(x, y, 'ab')
}
// Errors:
// main.go:6:9: invalid character U+0040 '@'
// main.go:6:11: syntax error: unexpected literal 3 at end of statement
// main.go:7:9: hexadecimal literal has no digits
// main.go:8:20: more than one character in rune literal
