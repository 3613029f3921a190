// Language: for as a while loop, infinite loop with break, and goto.
package main

import "fmt"

func main() {
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	i := 0
	for {
		i++
		if i%2 == 0 {
			continue
		}
		if i > 7 {
			break
		}
		fmt.Print(i, ";")
	}
	fmt.Println()
	k := 0
retry:
	k++
	if k < 3 {
		goto retry
	}
	fmt.Println("tries:", k)
}

// Output:
// 243
// 1;3;5;7;
// tries: 3
