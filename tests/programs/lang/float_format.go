// Language: how fmt prints floating-point values.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(3.0, 2.5, 0.1+0.2, 1e6, 1e21, 1e-7, 123456789.0)
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), -0.0, math.Copysign(0, -1))
	fmt.Printf("%f %.2f %.0f %e %g %8.3f|\n", math.Pi, math.Pi, 2.5, 1234.5678, 0.000012, math.E)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	x := 10.0
	y := 3.0
	fmt.Println(x/y, float32(x/y), int(x/y), int(-x/y))
}

// Output:
// 3 2.5 0.3 1e+06 1e+21 1e-07 1.23456789e+08
// 0.1 0.10000000149011612
// +Inf -Inf NaN 0 -0
// 3.141593 3.14 2 1.234568e+03 1.2e-05    2.718|
// 1.7976931348623157e+308 5e-324
// 3.3333333333333335 3.3333333 3 -3
