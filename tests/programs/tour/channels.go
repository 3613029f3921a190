// Tour "Channels": two goroutines each sum half of a slice and send the result.
// With one P the second goroutine (in runnext) runs first, so the receive order is fixed.
package main

import "fmt"

func sum(s []int, c chan int) {
	total := 0
	for _, v := range s {
		total += v
	}
	c <- total
}

func main() {
	s := []int{7, 2, 8, -9, 4, 0}
	c := make(chan int)
	go sum(s[:len(s)/2], c)
	go sum(s[len(s)/2:], c)
	x, y := <-c, <-c
	fmt.Println(x, y, x+y)
}

// Run: procs=1
// Output:
// -5 17 12
