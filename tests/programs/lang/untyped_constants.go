// Language: untyped constants have arbitrary precision until they are used.
package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 99

func needFloat(x float64) float64 { return x * 0.1 }

func main() {
	fmt.Println(Small)
	fmt.Println(needFloat(Big))
	const third = 1.0 / 3
	fmt.Println(third, 1/3, 1/3.0)
	var f float32 = third
	fmt.Println(f)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge)
	x := 'a' + 1
	fmt.Printf("%T %v\n", x, x)
	var u uint8 = 255
	fmt.Println(u + 1)
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7.0/2)
}

// Output:
// 2
// 1.2676506002282295e+29
// 0.3333333333333333 0 0.3333333333333333
// 0.33333334
// 1e+300
// int32 98
// 0
// 3 -3 1 -1 3.5
