// Language: sort.Ints, sort.Strings, sort.Slice and sort.SliceStable.
package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

func main() {
	nums := []int{5, 2, 8, -1, 2}
	sort.Ints(nums)
	fmt.Println(nums, sort.IntsAreSorted(nums))
	words := []string{"pear", "Apple", "banana", "apple"}
	sort.Strings(words)
	fmt.Println(words)
	people := []person{{"ana", 30}, {"bia", 25}, {"caio", 30}, {"davi", 25}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	sort.Slice(nums, func(i, j int) bool { return nums[i] > nums[j] })
	fmt.Println(nums)
	i := sort.SearchInts([]int{1, 3, 5, 7}, 5)
	fmt.Println("index of 5:", i)
	sort.Sort(sort.Reverse(sort.StringSlice(words)))
	fmt.Println(words)
}

// Output:
// [-1 2 2 5 8] true
// [Apple apple banana pear]
// [{bia 25} {davi 25} {ana 30} {caio 30}]
// [8 5 2 2 -1]
// index of 5: 2
// [pear banana apple Apple]
