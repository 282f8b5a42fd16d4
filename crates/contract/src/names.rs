//! Enums of names (`"last_backup_failed"`), read by one plain match each rather than by serde's
//! derived visitor. That visitor is made again for every deserializer an enum is read through
//! (JSON, the buffered content of a tagged event), which the UI module's first load pays for
//! in size; a match over a `String` is made once. Serde still writes them (`rename_all`), and
//! the tests hold the two spellings together. The enums the first load reads (an
//! organization's and its error's) say `#[serde(try_from = "String")]` and list their names
//! with [`read_by_name!`]; those read only in views that load when used keep serde's derive.

/// `impl TryFrom<String>` for an enum of names: each variant with its name, and the variant
/// that stands for every other name, if one does (a code a newer XMS may add). A name that is
/// none of them is refused with serde's own words for it.
macro_rules! read_by_name {
    ($type:ident { $($variant:ident = $name:literal),+ $(,)? } $(else $other:ident)?) => {
        impl TryFrom<String> for $type {
            type Error = serde::de::value::Error;

            fn try_from(name: String) -> Result<Self, Self::Error> {
                match name.as_str() {
                    $($name => Ok(Self::$variant),)+
                    _ => $crate::names::read_by_name!(@other name [$($name),+] $($other)?),
                }
            }
        }

        #[cfg(test)]
        impl $crate::names::Named for $type {
            const NAMED: &'static [(Self, &'static str)] = &[$((Self::$variant, $name)),+];

            fn every(self) -> bool {
                // Exhaustive: a variant left out of the list does not compile.
                match self {
                    $(Self::$variant)|+ $(| Self::$other)? => true,
                }
            }
        }
    };
    (@other $name:ident [$($names:literal),+]) => {
        Err(serde::de::Error::unknown_variant(&$name, &[$($names),+]))
    };
    (@other $name:ident [$($names:literal),+] $other:ident) => {
        Ok(Self::$other)
    };
}
pub(crate) use read_by_name;

/// An enum listed with [`read_by_name!`], for the tests.
#[cfg(test)]
pub trait Named: Sized + Copy + PartialEq + std::fmt::Debug + serde::Serialize + 'static {
    /// Each variant with its name.
    const NAMED: &'static [(Self, &'static str)];

    /// True: that it compiles is what shows that every variant is listed.
    fn every(self) -> bool;
}

#[cfg(test)]
mod tests {
    use serde::de::DeserializeOwned;

    use super::Named;
    use crate::{
        BackupKind, CredentialKind, CredentialProblem, ErrorCode, FieldErrorCode,
        OrganizationStatus, PolicyKind, WorkerKind,
    };

    /// Each name reads as its variant, and serde writes each variant as its name.
    fn spelled_alike<T: Named + DeserializeOwned>() {
        for &(variant, name) in T::NAMED {
            assert!(variant.every());
            assert_eq!(serde_json::to_value(variant).unwrap(), name);
            assert_eq!(serde_json::from_value::<T>(name.into()).unwrap(), variant);
        }
    }

    #[test]
    fn names_are_read_as_serde_writes_them() {
        spelled_alike::<OrganizationStatus>();
        spelled_alike::<PolicyKind>();
        spelled_alike::<WorkerKind>();
        spelled_alike::<BackupKind>();
        spelled_alike::<ErrorCode>();
        spelled_alike::<FieldErrorCode>();
        spelled_alike::<CredentialKind>();
        spelled_alike::<CredentialProblem>();
    }

    #[test]
    fn an_unknown_name_is_refused_in_serdes_words_or_read_as_the_unknown_one() {
        let refused = serde_json::from_str::<PolicyKind>(r#""shared""#).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "unknown variant `shared`, expected `default` or `custom`"
        );
        let refused = serde_json::from_str::<OrganizationStatus>("7").unwrap_err();
        assert!(
            refused.to_string().starts_with("invalid type: integer `7`"),
            "{refused}"
        );
        assert_eq!(
            serde_json::from_str::<ErrorCode>(r#""out_of_coffee""#).unwrap(),
            ErrorCode::Unknown
        );
    }
}
