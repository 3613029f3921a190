// Language: Go 1.22 range over an integer, and the range forms over slices, strings, maps
// and channels.
package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Print(i, ",")
	}
	fmt.Println()
	n := 0
	for range 5 {
		n++
	}
	fmt.Println("counted", n)
	for i, v := range []string{"x", "y"} {
		fmt.Println(i, v)
	}
	for i := range [3]int{} {
		fmt.Print(i)
	}
	fmt.Println()
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	for v := range ch {
		fmt.Println("from channel", v)
	}
}

// Output:
// 0,1,2,
// counted 5
// 0 x
// 1 y
// 012
// from channel 1
// from channel 2
