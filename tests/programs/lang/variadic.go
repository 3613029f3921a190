// Language: variadic functions, passing a slice with ..., and multiple results.
package main

import "fmt"

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func describe(prefix string, vals ...interface{}) string {
	return fmt.Sprint(prefix, len(vals), vals)
}

func main() {
	fmt.Println(sum(), sum(1, 2, 3))
	nums := []int{4, 5, 6}
	fmt.Println(sum(nums...))
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	_, r2 := divmod(9, 4)
	fmt.Println(r2)
	fmt.Println(describe("n=", 1, "a", nil))
}

// Output:
// 0 6
// 15
// 3 2
// 1
// n=3 [1 a <nil>]
