// Course: workers send partial results over a channel; main adds them up as they arrive.
package main

import "fmt"

func main() {
	nums := make([]int, 1000)
	for i := range nums {
		nums[i] = i + 1
	}
	parts := make(chan int)
	const workers = 4
	size := len(nums) / workers
	for w := 0; w < workers; w++ {
		go func(chunk []int) {
			s := 0
			for _, v := range chunk {
				s += v
			}
			parts <- s
		}(nums[w*size : (w+1)*size])
	}
	total := 0
	for w := 0; w < workers; w++ {
		total += <-parts
	}
	fmt.Println("sum 1..1000 =", total)
}

// Output:
// sum 1..1000 = 500500
