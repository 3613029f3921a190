// Language: maps; fmt prints them sorted by key, while range order is unspecified.
package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"carol": 41, "alice": 30, "bob": 25}
	fmt.Println(ages)
	ages["dave"] = 19
	delete(ages, "bob")
	delete(ages, "nobody")
	v, ok := ages["bob"]
	fmt.Println(len(ages), v, ok)
	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, ages[k])
	}
	counts := map[rune]int{}
	for _, r := range "banana" {
		counts[r]++
	}
	fmt.Println(counts)
	nested := map[string][]int{"odd": {1, 3}, "even": {2}}
	nested["even"] = append(nested["even"], 4)
	fmt.Println(nested)
	fmt.Println(map[int]bool{3: true, -1: false, 2: true})
}

// Output:
// map[alice:30 bob:25 carol:41]
// 3 0 false
// alice 30
// carol 41
// dave 19
// map[97:3 98:1 110:2]
// map[even:[2 4] odd:[1 3]]
// map[-1:false 2:true 3:true]
