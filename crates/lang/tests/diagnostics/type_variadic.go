package main

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func main() {
	xs := []int{1, 2}
	fmt.Println(sum(xs))
	fmt.Println(sum(1, xs...))
	ys := []string{"a"}
	fmt.Println(sum(ys...))
}
// Errors:
// main.go:15:18: cannot use xs (variable of type []int) as int value in argument to sum
// main.go:16:21: too many arguments in call to sum
// 	have (number, []int)
// 	want (...int)
// main.go:18:18: cannot use ys (variable of type []string) as []int value in argument to sum
