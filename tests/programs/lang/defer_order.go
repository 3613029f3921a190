// Language: deferred calls run last-in first-out; their arguments are evaluated when the
// defer statement runs; a deferred closure can change a named result.
package main

import "fmt"

func triple(n int) (result int) {
	defer func() { result *= 3 }()
	return n + 1
}

func main() {
	x := 1
	defer fmt.Println("deferred with x =", x)
	x = 2
	defer func() { fmt.Println("closure sees x =", x) }()
	x = 3
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop defer", i)
	}
	fmt.Println("triple(1) =", triple(1))
	fmt.Println("main body done")
}

// Output:
// triple(1) = 6
// main body done
// loop defer 2
// loop defer 1
// loop defer 0
// closure sees x = 3
// deferred with x = 1
