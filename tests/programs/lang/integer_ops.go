// Language: integer division truncates toward zero; shifts; bitwise operators.
package main

import "fmt"

func main() {
	fmt.Println(7/2, -7/2, 7/-2, -7/-2)
	fmt.Println(7%2, -7%2, 7%-2, -7%-2)
	fmt.Println(1<<10, 1024>>3, -16>>2, uint8(200)>>1)
	a, b := 12, 10
	fmt.Println(a&b, a|b, a^b, a&^b, ^a)
	var u uint8 = 0b1010_0101
	fmt.Printf("%08b %08b %d\n", u, ^u, 0x_FF)
	n := 5
	n <<= 2
	n |= 1
	fmt.Println(n, 1_000_000, 0o17, 017)
}

// Output:
// 3 -3 -3 3
// 1 -1 1 -1
// 1024 128 -4 100
// 8 14 6 4 -13
// 10100101 01011010 255
// 21 1000000 15 15
