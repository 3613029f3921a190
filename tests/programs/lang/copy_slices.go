// Language: copy copies min(len(dst), len(src)) elements, also between overlapping slices.
package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	dst := make([]int, 3)
	n := copy(dst, src)
	fmt.Println(n, dst)
	n = copy(src[1:], src)
	fmt.Println(n, src)
	bs := make([]byte, 4)
	n = copy(bs, "héllo")
	fmt.Println(n, bs)
	grid := [][]int{{1, 2}, {3, 4}}
	shallow := make([][]int, len(grid))
	copy(shallow, grid)
	shallow[0][0] = 100
	fmt.Println(grid)
	var arr [3]string
	copy(arr[:], []string{"a", "b", "c", "d"})
	fmt.Println(arr, len(arr))
}

// Output:
// 3 [1 2 3]
// 4 [1 1 2 3 4]
// 4 [104 195 169 108]
// [[100 2] [3 4]]
// [a b c] 3
