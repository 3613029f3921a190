package main

import "fmt"

func gen(nums ...int) <-chan int {
	out := make(chan int)
	go func() {
		for _, n := range nums {
			out <- n
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := range in {
			out <- n * n
		}
	}()
	return out
}

func merge(cs ...<-chan int) <-chan int {
	out := make(chan int, 10)
	done := make(chan struct{})
	for _, c := range cs {
		go func(c <-chan int) {
			for v := range c {
				out <- v
			}
			done <- struct{}{}
		}(c)
	}
	go func() {
		for range cs {
			<-done
		}
		close(out)
	}()
	return out
}

func main() {
	for n := range sq(sq(gen(2, 3))) {
		fmt.Println(n)
	}
	total := 0
	for v := range merge(gen(1, 2), gen(3)) {
		total += v
	}
	fmt.Println(total)
	var chs [3]chan<- int
	_ = chs
	var cc chan chan int = make(chan chan int, 1)
	cc <- make(chan int)
	fmt.Println(len(cc))
}
