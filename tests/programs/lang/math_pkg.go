// Language: functions and constants of the math package.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Abs(-3.5))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.5), math.Round(-2.5), math.Round(2.5))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Mod(7, 3), math.Hypot(3, 4))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MaxUint8)
	fmt.Println(math.IsNaN(math.NaN()), math.IsInf(1/math.Inf(1), 0), math.Sqrt(-1))
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/2), math.Log(math.E), math.Log2(1024))
	fmt.Println(math.Cbrt(27), math.Exp(0), math.Log10(0.001))
}

// Output:
// 1.4142135623730951 1024 3.5
// -3 -2 -2 -3 3
// 7 3 1 5
// 9223372036854775807 -9223372036854775808 2147483647 255
// true false NaN
// 1.0000 1.0000 10.0000
// 3 1 -3
