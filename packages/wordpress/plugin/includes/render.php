<?php
/**
 * One renderer for blocks and shortcodes: attributes in, escaped widget markup out.
 *
 * The saved post holds only a block comment or a shortcode; the `si-*` element is made here at
 * display time, so WordPress's KSES filter (which strips unknown tags for users without
 * `unfiltered_html`) never sees it. Every value passes an allow-list and is escaped with
 * esc_attr / esc_url.
 *
 * @package SozialInnovativWidgets
 */

defined( 'ABSPATH' ) || exit;

/** Attributes every widget has (see core's SiElement and the embed README's theme table). */
const SI_WIDGETS_COMMON_ATTRIBUTES = array(
	'lang'                  => array( 'de', 'en', 'hsb' ),
	'easy-read'             => 'bool',
	'theme-text'            => 'colour',
	'theme-muted'           => 'colour',
	'theme-surface'         => 'colour',
	'theme-surface-alt'     => 'colour',
	'theme-accent'          => 'colour',
	'theme-accent-contrast' => 'colour',
	'theme-border'          => 'colour',
	'theme-focus'           => 'colour',
);

/** Source types the bundled adapters register (`source-type`); empty means guessed from the URL. */
const SI_WIDGETS_SOURCE_TYPES = array( 'json', 'ical', 'rest', 'wordpress', 'tribe', 'kvm' );

/**
 * The widgets: tag and the attributes an editor may set, each with its kind (bool, int, text,
 * colour or the list of allowed values).
 *
 * @return array<string, array{tag: string, attributes: array<string, string|string[]>}>
 */
function si_widgets_definitions(): array {
	return array(
		'event-calendar'   => array(
			'tag'        => 'si-event-calendar',
			'attributes' => array(
				'view'         => array( 'list', 'month' ),
				'heading'      => 'text',
				'months'       => 'int',
				'limit'        => 'int',
				'topics'       => 'text',
				'towns'        => 'text',
				'format'       => array( 'onsite', 'online', 'hybrid' ),
				'date'         => 'text',
				'hide-filters' => 'bool',
			),
		),
		'initiative-cards' => array(
			'tag'        => 'si-initiative-cards',
			'attributes' => array(
				'layout'        => array( 'grid', 'list' ),
				'heading'       => 'text',
				'topics'        => 'text',
				'kinds'         => 'text',
				'target-groups' => 'text',
				'districts'     => 'text',
				'towns'         => 'text',
				'sort'          => 'text',
				'page-size'     => 'int',
				'hide-filters'  => 'bool',
				'no-jsonld'     => 'bool',
			),
		),
		'match-finder'     => array(
			'tag'        => 'si-match-finder',
			'attributes' => array(
				'heading'    => 'text',
				'share'      => 'bool',
				'show-score' => array( 'true', 'false' ),
			),
		),
	);
}

/** `hideFilters` (block), `hide_filters` or `hide-filters` (shortcode) → `hide-filters`. */
function si_widgets_attribute_name( string $key ): string {
	return strtolower( str_replace( '_', '-', (string) preg_replace( '/(?<=[a-z0-9])([A-Z])/', '-$1', $key ) ) );
}

/**
 * A plain colour, as the embed bundle accepts it (packages/embed/src/tags.ts isPlainColour):
 * hex, rgb()/hsl() with numbers only, or a colour name. Never var(), url() or text after a `;`.
 */
function si_widgets_is_plain_colour( string $value ): bool {
	$v = trim( $value );
	if ( '' === $v || strlen( $v ) > 64 ) {
		return false;
	}
	$number = '[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?(?:%|deg|grad|rad|turn)?';
	return 1 === preg_match( '/^#(?:[\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i', $v )
		|| 1 === preg_match( '/^(?:rgba?|hsla?)\(\s*' . $number . '(?:\s*[,\/\s]\s*' . $number . '){2,3}\s*\)$/i', $v )
		|| ( 1 === preg_match( '/^[a-z]{3,30}$/i', $v ) && ! in_array( strtolower( $v ), array( 'inherit', 'initial', 'unset', 'revert', 'currentcolor' ), true ) );
}

/**
 * Whether a widget was rendered on this request (then wp_footer loads embed.js).
 *
 * @param bool|null $set true to record that one was.
 */
function si_widgets_needs_script( ?bool $set = null ): bool {
	static $needed = false;
	if ( true === $set ) {
		$needed = true;
	}
	return $needed;
}

/**
 * The markup of one widget.
 *
 * @param string               $widget     event-calendar, initiative-cards or match-finder.
 * @param array<string, mixed> $attributes block attributes or shortcode attributes, any naming.
 * @param string               $wrapper    attributes of the wrapping div (already escaped, e.g. get_block_wrapper_attributes()).
 */
function si_widgets_render( string $widget, array $attributes, string $wrapper = '' ): string {
	$definitions = si_widgets_definitions();
	if ( ! isset( $definitions[ $widget ] ) ) {
		return '';
	}
	$values = array();
	foreach ( $attributes as $key => $value ) {
		if ( is_int( $key ) && is_string( $value ) ) {
			// A bare flag in a shortcode, `[si_event_calendar hide-filters]`, arrives as a value.
			$values[ si_widgets_attribute_name( $value ) ] = 'true';
		} elseif ( is_scalar( $value ) ) {
			$values[ si_widgets_attribute_name( (string) $key ) ] = trim( (string) $value );
		}
	}

	$out = array();
	// A named source from the settings page wins over a URL given directly.
	$named = isset( $values['source'] ) && '' !== $values['source'] ? si_widgets_find_source( $values['source'] ) : null;
	$src   = null !== $named ? $named['url'] : ( $values['src'] ?? '' );
	$type  = null !== $named ? $named['type'] : ( $values['source-type'] ?? '' );
	if ( '' !== $src ) {
		$url = esc_url( $src, array( 'http', 'https', 'webcal' ) );
		if ( '' !== $url ) {
			$out['src'] = $url;
		}
	}
	if ( in_array( $type, SI_WIDGETS_SOURCE_TYPES, true ) ) {
		$out['source-type'] = esc_attr( $type );
	}

	foreach ( array_merge( $definitions[ $widget ]['attributes'], SI_WIDGETS_COMMON_ATTRIBUTES ) as $name => $kind ) {
		$value = $values[ $name ] ?? '';
		if ( '' === $value ) {
			continue;
		}
		if ( 'bool' === $kind ) {
			if ( in_array( strtolower( $value ), array( '1', 'true', 'yes', 'on' ), true ) ) {
				$out[ $name ] = true;
			}
		} elseif ( 'int' === $kind ) {
			if ( ctype_digit( $value ) && (int) $value > 0 ) {
				$out[ $name ] = (string) (int) $value;
			}
		} elseif ( 'colour' === $kind ) {
			if ( si_widgets_is_plain_colour( $value ) ) {
				$out[ $name ] = esc_attr( $value );
			}
		} elseif ( is_array( $kind ) ) {
			if ( in_array( $value, $kind, true ) ) {
				$out[ $name ] = esc_attr( $value );
			}
		} else {
			$out[ $name ] = esc_attr( sanitize_text_field( $value ) );
		}
	}

	si_widgets_needs_script( true );
	$tag  = $definitions[ $widget ]['tag'];
	$html = '<' . $tag;
	foreach ( $out as $name => $value ) {
		$html .= true === $value ? ' ' . $name : ' ' . $name . '="' . $value . '"';
	}
	$html .= '></' . $tag . '>';
	$wrapper = '' !== $wrapper ? $wrapper : 'class="si-widgets-' . esc_attr( $widget ) . '"';
	return '<div ' . $wrapper . '>' . $html . '</div>';
}

/** The URL of the bundled loader; `si_widgets_embed_url` lets a site serve the assets elsewhere on its own host. */
function si_widgets_embed_url(): string {
	$url = plugins_url( 'assets/embed/embed.js', SI_WIDGETS_FILE );
	return (string) apply_filters( 'si_widgets_embed_url', add_query_arg( 'ver', SI_WIDGETS_VERSION, $url ) );
}

/**
 * The script tag of the loader, as a module (WordPress 6.1 has no wp_enqueue_script_module).
 * Sites with a Content-Security-Policy give it their nonce through the `si_widgets_csp_nonce` filter.
 */
function si_widgets_script_tag(): string {
	$nonce = (string) apply_filters( 'si_widgets_csp_nonce', '' );
	return '<script type="module" src="' . esc_url( si_widgets_embed_url() ) . '"'
		. ( '' !== $nonce ? ' nonce="' . esc_attr( $nonce ) . '"' : '' ) . "></script>\n";
}

add_action(
	'wp_footer',
	static function (): void {
		if ( si_widgets_needs_script() ) {
			echo si_widgets_script_tag(); // phpcs:ignore WordPress.Security.EscapeOutput -- escaped in si_widgets_script_tag().
		}
	},
	20
);

foreach ( array_keys( si_widgets_definitions() ) as $si_widgets_name ) {
	add_shortcode(
		'si_' . str_replace( '-', '_', $si_widgets_name ),
		static fn ( $atts ): string => si_widgets_render( $si_widgets_name, is_array( $atts ) ? $atts : array() )
	);
}
unset( $si_widgets_name );
