// Language: := in an inner scope declares a new variable that shadows the outer one.
package main

import "fmt"

func main() {
	x := 1
	if x := 2; x > 1 {
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
	for x := 0; x < 2; x++ {
		x := x * 10
		fmt.Println("loop x", x)
	}
	err := fmt.Errorf("outer")
	if true {
		err := fmt.Errorf("inner")
		_ = err
	}
	fmt.Println(err)
	{
		x = 5
	}
	fmt.Println(x)
}

// Output:
// inner x 2
// outer x 1
// loop x 0
// loop x 10
// outer
// 5
