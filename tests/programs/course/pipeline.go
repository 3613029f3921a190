// Course: a pipeline of stages connected by channels: generate -> square -> print.
// Each stage closes its output when its input is exhausted.
package main

import "fmt"

func generate(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for n := range in {
			out <- n * n
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range square(square(generate(1, 2, 3, 4))) {
		fmt.Println(v)
	}
	fmt.Println("pipeline drained")
}

// Output:
// 1
// 16
// 81
// 256
// pipeline drained
