// Panic: a deferred function recovers, and the function returns normally.
package main

import "fmt"

func safeDivide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func main() {
	fmt.Println(safeDivide(7, 2))
	fmt.Println(safeDivide(7, 0))
	fmt.Println("main continues")
}

// Output:
// 3 <nil>
// 0 recovered: runtime error: integer divide by zero
// main continues
