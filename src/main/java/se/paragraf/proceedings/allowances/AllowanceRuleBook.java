package se.paragraf.proceedings.allowances;

import org.springframework.data.jpa.repository.JpaRepository;

/** The boards' allowance rules, one row per board that has set its own. */
interface AllowanceRuleBook extends JpaRepository<AllowanceRules, Long> {
}
