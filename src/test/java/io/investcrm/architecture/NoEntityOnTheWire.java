package io.investcrm.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import jakarta.persistence.Entity;

/** A resource method must not return a JPA entity, nor a generic type (list, page) of one. */
final class NoEntityOnTheWire {

    static final ArchCondition<JavaClass> CONDITION = new ArchCondition<>("return no JPA entity") {
        @Override
        public void check(JavaClass resource, ConditionEvents events) {
            for (JavaMethod m : resource.getMethods()) {
                for (JavaClass involved : m.getReturnType().getAllInvolvedRawTypes()) {
                    if (involved.isAnnotatedWith(Entity.class)) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " returns entity " + involved.getName()));
                    }
                }
            }
        }
    };

    private NoEntityOnTheWire() {
    }
}
