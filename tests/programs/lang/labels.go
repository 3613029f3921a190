// Language: labelled break and continue leave or restart an outer loop.
package main

import "fmt"

func main() {
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println(i, j)
		}
	}
	fmt.Println("after outer")

	ch := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i
		}
		close(ch)
	}()
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok || v == 3 {
				break loop
			}
			fmt.Println("got", v)
		}
	}
	fmt.Println("left the select loop")
}

// Output:
// 0 0
// 0 1
// 1 0
// 1 1
// after outer
// got 0
// got 1
// got 2
// left the select loop
