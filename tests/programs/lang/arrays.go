// Language: arrays are values: assignment and passing copy them; they compare with ==.
package main

import "fmt"

func double(a [3]int) [3]int {
	for i := range a {
		a[i] *= 2
	}
	return a
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[0] = 100
	fmt.Println(a, b, a == b)
	fmt.Println(double(a), a)
	c := [...]string{2: "c", 0: "a"}
	fmt.Println(len(c), c)
	var grid [2][3]int
	grid[1][2] = 5
	fmt.Println(grid)
	p := &a
	p[1] = 20
	fmt.Println(a, len(p))
	s := a[:]
	s[2] = 30
	fmt.Println(a)
}

// Output:
// [1 2 3] [100 2 3] false
// [2 4 6] [1 2 3]
// 3 [a  c]
// [[0 0 0] [0 0 5]]
// [1 20 3] 3
// [1 20 30]
